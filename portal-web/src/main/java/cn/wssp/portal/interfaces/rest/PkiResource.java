package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.domain.service.Seals;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;

/** The root certificate every seal chains to, for anyone's verifier (e.g. pdfsig's NSS store). */
@Path("pki")
@RequestScoped
public class PkiResource {
  @Inject
  Seals seals;

  @GET
  @Path("ca.pem")
  @Produces("application/x-pem-file")
  public String caPem() {
    return seals.rootCertificatesPem();
  }
}
