package cn.wssp.portal.interfaces.rest;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The trust services at the short addresses seal certificates name and relying parties expect:
 * {@code /pki/ocsp}, {@code /pki/issuing.crl}, {@code /pki/issuing.pem}, {@code /pki/ca.pem}. They
 * are the REST API's {@code /api/v1/pki/...}, reached by a forward, so there is one implementation.
 */
@WebServlet(urlPatterns = "/pki/*")
public class PkiAddresses extends HttpServlet {
  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String path = req.getPathInfo();
    if (path == null || path.isEmpty() || path.equals("/")) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    req.getRequestDispatcher("/api/v1/pki" + path).forward(req, res);
  }
}
