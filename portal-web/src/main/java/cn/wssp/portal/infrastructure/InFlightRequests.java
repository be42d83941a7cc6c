package cn.wssp.portal.infrastructure;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Counts the requests in progress, for the drain on SIGTERM ({@link Drain}): declared first in
 * web.xml for every address and the REQUEST dispatch, so it wraps everything else (the other
 * filters, pages, the REST API). Nothing is refused while draining: the balancer takes the
 * instance out through readiness, and what still arrives meanwhile is served.
 */
public class InFlightRequests implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Drain.begin();
    try {
      chain.doFilter(request, response);
    } finally {
      Drain.end();
    }
  }
}
