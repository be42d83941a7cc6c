package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterOptions;
import cn.wssp.portal.application.MatterRegistration;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.application.NewMatter;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringReader;
import java.util.List;

/**
 * The center's matters (CENTER_ADMIN): a new matter with its first rule set; a matter's options
 * (超时默许 on or off, the licence (电子证照) an approval grants and for how many years).
 */
@Path("admin/matters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminMatterResource {
  @Inject
  CurrentActor current;

  @Inject
  MatterCatalog catalog;

  @Inject
  MatterRegistration registration;

  @Inject
  cn.wssp.portal.interfaces.web.EnglishNames englishNames;

  @Context
  jakarta.ws.rs.core.UriInfo uri;

  /**
   * {code, name, kind, timeLimitWorkingDays, departments[] (codes, the lead first), content,
   * conditions, legalBasis, procedure, fees, rules (the rule set, as PUT .../rules takes it)}:
   * 201 with the matter as GET /api/v1/matters lists it and its address; 409 MATTER_EXISTS.
   */
  @POST
  public Response create(String body) {
    JsonObject o = object(body, "{code, name, nameEn, kind, timeLimitWorkingDays, departments[], "
        + "content, conditions, legalBasis, procedure, fees, rules}");
    MatterView created = registration.register(current.require(), new NewMatter(
        string(o, "code"), string(o, "name"), string(o, "nameEn"), string(o, "kind"), integer(o, "timeLimitWorkingDays"),
        strings(o, "departments"), string(o, "content"), string(o, "conditions"),
        string(o, "legalBasis"), string(o, "procedure"), string(o, "fees"),
        o.containsKey("rules") && o.get("rules").getValueType() == JsonValue.ValueType.OBJECT
            ? o.getJsonObject("rules").toString() : null));
    englishNames.forget();
    return Response.created(UriBuilder.fromUri(uri.getBaseUri()).path("matters")
        .path(created.code()).build()).entity(created).build();
  }

  private static JsonObject object(String body, String fields) {
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw DomainException.invalid("请求体应为 JSON 对象：" + fields + "。");
    }
  }

  private static String string(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw DomainException.invalid("字段 " + field + " 应为字符串。");
  }

  private static Integer integer(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
      return n.intValue();
    }
    throw DomainException.invalid("字段 " + field + " 应为整数（工作日数）。");
  }

  private static List<String> strings(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (v instanceof JsonArray a && a.stream().allMatch(e -> e instanceof JsonString)) {
      return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
    throw DomainException.invalid("字段 " + field + " 应为部门编码的数组，例如 [\"SCJG\"]。");
  }

  public static class Options {
    public Boolean deemedApprovalOnTimeout;
    public String licenceName;
    public Integer licenceYears;
    public String nameEn;
  }

  /**
   * {name, content, conditions, legalBasis, procedure, fees}: the guide's texts, all given
   * (conditions may be blank); answers the matter as GET /api/v1/matters lists it.
   */
  @PUT
  @Path("{code}/guide")
  public MatterView guide(@PathParam("code") String code, String body) {
    JsonObject o = object(body, "{name, content, conditions, legalBasis, procedure, fees}");
    return catalog.rewriteGuide(current.require(), code, string(o, "name"), string(o, "content"),
        string(o, "conditions"), string(o, "legalBasis"), string(o, "procedure"), string(o, "fees"));
  }

  /**
   * {deemedApprovalOnTimeout, licenceName, licenceYears}, any of them ("" as licenceName: no
   * licence): answers the matter as GET /api/v1/matters lists it.
   */
  @PUT
  @Path("{code}/options")
  public MatterView options(@PathParam("code") String code, Options body) {
    MatterView changed = catalog.setOptions(current.require(), code, body == null ? null
        : new MatterOptions(body.deemedApprovalOnTimeout, body.licenceName, body.licenceYears,
            body.nameEn));
    englishNames.forget();
    return changed;
  }
}
