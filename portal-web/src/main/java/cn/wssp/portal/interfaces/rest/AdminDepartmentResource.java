package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.SealAdministration;
import cn.wssp.portal.domain.model.Department;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The departments and the algorithm of their seals (CENTER_ADMIN): RSA by default, ECDSA_P256,
 * or SM2 for the national algorithms SM2/SM3. Changing it re-keys the department's seal at once.
 */
@Path("admin/departments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminDepartmentResource {
  @Inject
  CurrentActor current;

  @Inject
  SealAdministration administration;

  /** {@code nameEn}: the name on the English pages (absent: none given). */
  public record DepartmentView(String code, String name, String abbreviation, String sealAlgorithm,
      String nameEn) {
    static DepartmentView of(Department d) {
      return new DepartmentView(d.code(), d.name(), d.abbreviation(), d.sealAlgorithm(), d.nameEn());
    }
  }

  public record SealAlgorithmRequest(String algorithm) {}

  public record EnglishName(String nameEn) {}

  public record NewDepartment(String code, String name, String abbreviation, String nameEn) {}

  @Inject
  cn.wssp.portal.interfaces.web.EnglishNames englishNames;

  @Context
  UriInfo uri;

  /**
   * {code, name, abbreviation, nameEn?}: 201 with the department and its address; 409
   * DEPARTMENT_EXISTS.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(NewDepartment body) {
    Department added = administration.addDepartment(current.require(),
        body == null ? null : body.code(), body == null ? null : body.name(),
        body == null ? null : body.abbreviation(), body == null ? null : body.nameEn());
    englishNames.forget();
    return Response.created(uri.getAbsolutePathBuilder().path(added.code()).build())
        .entity(DepartmentView.of(added)).build();
  }

  @GET
  public List<DepartmentView> list() {
    return administration.departments(current.require()).stream().map(DepartmentView::of).toList();
  }

  @GET
  @Path("{code}")
  public DepartmentView one(@PathParam("code") String code) {
    return administration.departments(current.require()).stream()
        .filter(d -> d.code().equals(code)).findFirst().map(DepartmentView::of)
        .orElseThrow(() -> cn.wssp.portal.domain.model.DomainException.notFound("部门（code）"));
  }

  /** {nameEn}: the department's name on the English pages ("" or null: none); audited. */
  @PUT
  @Path("{code}/name-en")
  @Consumes(MediaType.APPLICATION_JSON)
  public DepartmentView nameInEnglish(@PathParam("code") String code, EnglishName body) {
    DepartmentView renamed = DepartmentView.of(administration.nameInEnglish(current.require(), code,
        body == null ? null : body.nameEn()));
    englishNames.forget();
    return renamed;
  }

  @PUT
  @Path("{code}/seal-algorithm")
  @Consumes(MediaType.APPLICATION_JSON)
  public DepartmentView changeSealAlgorithm(@PathParam("code") String code, SealAlgorithmRequest body) {
    return DepartmentView.of(administration.changeSealAlgorithm(
        current.require(), code, body == null ? null : body.algorithm()));
  }
}
