package cn.wssp.portal.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "网上审批 REST API", version = "1",
    description = "Online pre-review and e-signature portal: matters, applications, materials, "
        + "acceptance, decisions, documents, verification.",
    license = @License(name = "AGPL-3.0", url = "https://www.gnu.org/licenses/agpl-3.0.html")))
public class RestApplication extends Application {
  /** No WADL: the OpenAPI document at /openapi is the published description. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
