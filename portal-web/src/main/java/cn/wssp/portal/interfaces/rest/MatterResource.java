package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterRules;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;

/** The public service guides (办事指南), no login needed; their pre-review rules (规则集). */
@Path("matters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MatterResource {
  @Inject
  MatterCatalog catalog;

  @Inject
  MatterRules rules;

  @Inject
  cn.wssp.portal.interfaces.web.EnglishNames englishNames;

  @Inject
  CurrentActor current;

  @Inject
  cn.wssp.portal.application.BlankForms blanks;

  @GET
  public List<MatterView> all() {
    return catalog.all();
  }

  @GET
  @Path("{code}")
  public MatterView one(@PathParam("code") String code) {
    return catalog.one(code);
  }

  /** 空白表格: the blank of a material that is a form, as a PDF download; anyone may fetch it. */
  @GET
  @Path("{code}/materials/{material}/blank")
  @Produces("application/pdf")
  public jakarta.ws.rs.core.Response blank(@PathParam("code") String code,
      @PathParam("material") String material) {
    cn.wssp.portal.application.BlankForms.Blank b = blanks.of(code, material);
    return SafeDownload.attachment(b.pdf(), "application/pdf", b.fileName()).build();
  }

  /** {matterCode, version, publishedAt, publishedBy, rules}: the version in force. */
  @GET
  @Path("{code}/rules")
  public JsonObject rules(@PathParam("code") String code) {
    return json(rules.inForce(code));
  }

  /** The center admin publishes the body (a RULES.md document) as the next version. */
  @PUT
  @Path("{code}/rules")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject publish(@PathParam("code") String code, String document) {
    JsonObject published = json(rules.publish(current.require(), code, document));
    englishNames.forget(); // the materials' English names come with the rule set
    return published;
  }

  private static JsonObject json(MatterRules.RulesView v) {
    try (JsonReader reader = Json.createReader(new StringReader(v.document()))) {
      return Json.createObjectBuilder()
          .add("matterCode", v.matterCode())
          .add("version", v.version())
          .add("publishedAt", v.publishedAt().toString())
          .add("publishedBy", v.publishedBy())
          .add("rules", reader.readValue())
          .build();
    }
  }
}
