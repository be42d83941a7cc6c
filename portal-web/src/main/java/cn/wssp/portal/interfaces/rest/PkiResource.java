package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.infrastructure.PortalResources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;

/** The root certificate every seal chains to, for anyone's verifier (e.g. pdfsig's NSS store). */
@Path("pki")
@RequestScoped
public class PkiResource {
  @Inject
  PortalResources resources;

  @GET
  @Path("ca.pem")
  @Produces("application/x-pem-file")
  public String caPem() {
    return resources.sealAuthority().rootCertificatePem();
  }
}
