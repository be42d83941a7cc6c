package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.application.*;
import cn.wssp.portal.domain.model.AcceptanceAction;
import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.DecisionOutcome;
import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MaterialFile;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Applications: the applicant's journey and the window's and chief representative's steps. */
@Path("applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {
  @Inject
  CurrentActor current;

  @Inject
  ApplicationService applications;

  @Inject
  ApplicationViews views;

  @Inject
  PreReviewPace pace;

  @Inject
  MaterialUploads uploads;

  @Inject
  AcceptanceService acceptance;

  @Inject
  DecisionService decisions;

  @Inject
  DocumentAccess documents;

  @Inject
  AuditQueries auditQueries;

  @Inject
  RevocationService revocations;

  @Inject
  ReviewOpinions opinions;

  @Inject
  DecisionPreview previews;

  @Inject
  ReviewSupplements reviewSupplements;

  @Inject
  Forwardings forwardings;

  public static class NewApplication {
    public String matterCode;
  }

  public static class CommitmentRequest {
    public List<String> materials;
    public String dueDate;
  }

  public static class AcceptanceRequest {
    public String action;
    public String reason;
  }

  public static class RevocationRequest {
    public String reason;
    public String pin;
  }

  public static class DecisionRequest {
    public String outcome;
    public String text;
    public String pin;
  }

  public static class OpinionRequest {
    public String outcome;
    public String reason;
  }

  public static class ReviewSupplementRequest {
    public String reason;
    public List<String> materials;
  }

  public static class ForwardingRequest {
    public String authority;
    public String opinion;
  }

  public static class ForwardingAnswer {
    public String outcome;
    public String reference;
    public String text;
    public String pin;
  }

  public static class EvaluationRequest {
    public Integer score;
    public String comment;
  }

  public record Created(Long id, String number, String status) {}

  public record Uploaded(String materialCode, String fileName, String mediaType, long size,
      String sha256) {}

  public record Issued(Long applicationId, String status, ApplicationView.DocumentView document) {}

  @POST
  public Response create(NewApplication body) {
    Application app = applications.create(current.require(), body == null ? null : body.matterCode);
    return Response.status(201).entity(new Created(app.id(), app.number(), app.status().name())).build();
  }

  /**
   * The caller's applications, newest first; with {@code page} (from 0) and {@code size} (1 to
   * 100) one page of them, the total in X-Total-Count. Without, the whole list (at most 500).
   */
  @GET
  public Response list(@QueryParam("status") List<String> statuses,
      @QueryParam("page") String page, @QueryParam("size") String size) {
    Set<ApplicationStatus> wanted = EnumSet.noneOf(ApplicationStatus.class);
    for (String s : statuses) {
      wanted.add(enumValue(ApplicationStatus.class, s, "status"));
    }
    Actor actor = current.require();
    if (page == null && size == null) {
      return Response.ok(views.list(actor, wanted)).build();
    }
    ApplicationService.Page<ApplicationView> one = views.page(actor, wanted,
        page == null ? 0 : AuditResource.number(page, "page"),
        size == null ? 20 : AuditResource.number(size, "size"));
    return Response.ok(one.rows()).header("X-Total-Count", one.total()).build();
  }

  // The OpenAPI document's words for the two answers that carry an application and Retry-After
  // (annotations take constants, not a shared annotation).
  static final String AS_READ = "The application as its reader may see it";
  static final String RETRY_AFTER =
      "While the pre-review's verdict is to come: seconds until it can be expected (1–30)";

  /**
   * While the automatic pre-review is still to come (here and in the answer to submit),
   * {@code Retry-After} says in how many seconds
   * the verdict can be expected (see {@link PreReviewPace}): a client waiting for it asks then.
   */
  @GET
  @Path("{id}")
  @APIResponse(responseCode = "200", description = AS_READ, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)),
      headers = @Header(name = "Retry-After", description = RETRY_AFTER,
          schema = @Schema(type = SchemaType.INTEGER)))
  public Response get(@PathParam("id") Long id) {
    return withVerdictPace(views.of(current.require(), id));
  }

  private Response withVerdictPace(ApplicationView view) {
    Response.ResponseBuilder ok = Response.ok(view);
    if (ApplicationStatus.SUBMITTED.name().equals(view.status()) && view.preReview() == null) {
      long millis = pace.askAgainIn(view.id()).toMillis();
      ok.header(HttpHeaders.RETRY_AFTER, (millis + 999) / 1000);
    }
    return ok.build();
  }

  /**
   * The file part goes from the wire to the object store as it arrives (see {@link
   * MultipartStream}): nothing holds the whole file, in memory or on disk. With {@code
   * Upload-Length} (the file's size in bytes, which the portal's pages send) a file too large
   * is refused before it is sent on, and the store receives it while it arrives rather than
   * part by part after it.
   */
  @PUT
  @Path("{id}/materials/{materialCode}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Uploaded upload(@PathParam("id") Long id, @PathParam("materialCode") String materialCode,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Parameter(description = "The file's size in bytes (optional); a file of another size is"
          + " refused with 400 SIZE_MISMATCH and nothing is kept")
      @HeaderParam(UPLOAD_LENGTH) String uploadLength, InputStream body) {
    Actor actor = current.require();
    long declared = declaredLength(uploadLength);
    try {
      MultipartStream.Part part = Multipart.filePart(body, contentType);
      MaterialFile f = uploads.upload(actor, id, materialCode, Multipart.fileName(part),
          part.content(), declared);
      return new Uploaded(f.materialCode(), f.fileName(), f.mediaType(), f.size(), f.sha256());
    } catch (java.io.IOException e) {
      throw DomainException.invalid("文件读取失败，请重新上传。");
    }
  }

  /** The header an upload's client declares the file's size with (as in resumable uploads). */
  static final String UPLOAD_LENGTH = "Upload-Length";

  /** The declared size, or -1 when none was; anything but a number of bytes is refused. */
  private static long declaredLength(String header) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    try {
      long n = Long.parseLong(header.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw DomainException.invalid(UPLOAD_LENGTH + " 须为文件的字节数（非负整数）：" + header);
  }

  /**
   * The uploaded file itself (SHA-256 checked), for the owner and the staff who judge it;
   * a download, never rendered as a page of the portal (see {@link SafeDownload}). With
   * {@code ?inline=1} a PDF, PNG or JPEG is served for the preview frame of the application's
   * page (still sandboxed); same access rule and audit either way.
   */
  @GET
  @Path("{id}/materials/{materialCode}")
  @Produces(MediaType.WILDCARD)
  public Response material(@PathParam("id") Long id, @PathParam("materialCode") String materialCode,
      @QueryParam("inline") String inline) {
    DocumentAccess.MaterialContent m = documents.material(current.require(), id, materialCode);
    return ("1".equals(inline) ? SafeDownload.inline(m.bytes(), m.mediaType(), m.fileName())
        : SafeDownload.attachment(m.bytes(), m.mediaType(), m.fileName())).build();
  }

  /** The application's audit trail, oldest first (owner and the staff who may see it). */
  @GET
  @Path("{id}/audit")
  public List<AuditQueries.Line> audit(@PathParam("id") Long id) {
    return auditQueries.ofApplication(current.require(), id);
  }

  @POST
  @Path("{id}/submit")
  @APIResponse(responseCode = "200", description = AS_READ, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)),
      headers = @Header(name = "Retry-After", description = RETRY_AFTER,
          schema = @Schema(type = SchemaType.INTEGER)))
  public Response submit(@PathParam("id") Long id) {
    Actor actor = current.require();
    applications.submit(actor, id);
    return withVerdictPace(views.of(actor, id));
  }

  @POST
  @Path("{id}/withdraw")
  public ApplicationView withdraw(@PathParam("id") Long id) {
    Actor actor = current.require();
    applications.withdraw(actor, id);
    return views.of(actor, id);
  }

  @POST
  @Path("{id}/commitment")
  public ApplicationView commitment(@PathParam("id") Long id, CommitmentRequest body) {
    Actor actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供承诺材料（materials）和补交日期（dueDate）。");
    }
    applications.signCommitment(actor, id, body.materials, date(body.dueDate, "dueDate"));
    return views.of(actor, id);
  }

  @POST
  @Path("{id}/acceptance")
  public Issued acceptance(@PathParam("id") Long id, AcceptanceRequest body) {
    Actor actor = current.require();
    AcceptanceAction action = enumValue(AcceptanceAction.class,
        body == null ? null : body.action, "action");
    Document notice = acceptance.decide(actor, id, action, body.reason);
    ApplicationView view = views.of(actor, id);
    return new Issued(id, view.status(), ApplicationViews.document(notice));
  }

  @POST
  @Path("{id}/decision")
  public Issued decision(@PathParam("id") Long id, DecisionRequest body) {
    Actor actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供决定结果（outcome）、决定内容（text）和签章密码（pin）。");
    }
    DecisionOutcome outcome = enumValue(DecisionOutcome.class, body.outcome, "outcome");
    DecisionService.Result result = decisions.decide(actor, id, outcome, body.text, body.pin);
    ApplicationView view = views.of(actor, id);
    // 并联审批: while other departments have still to decide, nothing is issued yet.
    return new Issued(id, view.status(),
        result.issued() == null ? null : ApplicationViews.document(result.issued()));
  }

  /**
   * 决定书草稿: the decision this outcome and text would issue, unsigned and marked as a draft
   * (the department's chief representative, before entering the PIN).
   */
  @GET
  @Path("{id}/decision/preview")
  @Produces("application/pdf")
  public Response preview(@PathParam("id") Long id, @QueryParam("outcome") String outcome,
      @QueryParam("text") String text) {
    Actor actor = current.require();
    DecisionOutcome chosen = enumValue(DecisionOutcome.class, outcome, "outcome");
    byte[] pdf = previews.preview(actor, id, chosen, text);
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"decision-draft.pdf\"")
        .header("Cache-Control", "no-store").build();
  }

  /** 审查意见 of a reviewer of a deciding department: 201 with the opinion. */
  @POST
  @Path("{id}/opinion")
  public Response opinion(@PathParam("id") Long id, OpinionRequest body) {
    Actor actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供审查意见（outcome）及理由（reason）。");
    }
    DecisionOutcome outcome = enumValue(DecisionOutcome.class, body.outcome, "outcome");
    var o = opinions.give(actor, id, outcome, body.reason);
    return Response.status(201).entity(new ApplicationView.OpinionView(o.department().name(),
        o.reviewer().username(), o.reviewer().displayName(), o.outcome().name(),
        cn.wssp.portal.domain.model.JointDecision.label(o.outcome()), o.reason(), o.givenAt()))
        .build();
  }

  /**
   * 审查补正 (a deciding department's reviewer or chief, during review): the application waits
   * for the named materials with its review clock paused; the applicant hands them in with
   * POST {id}/submit.
   */
  @POST
  @Path("{id}/review-supplement")
  public ApplicationView reviewSupplement(@PathParam("id") Long id, ReviewSupplementRequest body) {
    Actor actor = current.require();
    reviewSupplements.request(actor, id, body == null ? null : body.reason,
        body == null ? null : body.materials);
    return views.of(actor, id);
  }

  /**
   * 上报件 (a deciding department's reviewer or chief, during examination): sends it to the
   * higher authority with the initial review; the review clock pauses.
   */
  @POST
  @Path("{id}/forwarding")
  public ApplicationView forward(@PathParam("id") Long id, ForwardingRequest body) {
    Actor actor = current.require();
    forwardings.forward(actor, id, body == null ? null : body.authority,
        body == null ? null : body.opinion);
    return views.of(actor, id);
  }

  /**
   * 上报件: the department's chief records the higher authority's answer (outcome and its
   * reference number) and, with the signing PIN, issues the decision that rests on it.
   */
  @POST
  @Path("{id}/forwarding/return")
  public Issued forwardingAnswer(@PathParam("id") Long id, ForwardingAnswer body) {
    Actor actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供批复结果（outcome）、批复文号（reference）、决定内容（text）和签章密码（pin）。");
    }
    DecisionOutcome outcome = enumValue(DecisionOutcome.class, body.outcome, "outcome");
    DecisionService.Result result = forwardings.answer(actor, id, outcome, body.reference,
        body.text, body.pin);
    return new Issued(id, views.of(actor, id).status(), ApplicationViews.document(result.issued()));
  }

  /** 撤销: a signed revocation decision for an issued approval (the department's chief). */
  @POST
  @Path("{id}/revocation")
  public Issued revocation(@PathParam("id") Long id, RevocationRequest body) {
    Actor actor = current.require();
    if (body == null) {
      throw DomainException.invalid("请提供撤销理由（reason）和签章密码（pin）。");
    }
    Document doc = revocations.revoke(actor, id, body.reason, body.pin);
    return new Issued(id, views.of(actor, id).status(), ApplicationViews.document(doc));
  }

  /** 好差评, once, by the owner after the outcome: 201 with {score, comment, at}. */
  @POST
  @Path("{id}/evaluation")
  public Response evaluation(@PathParam("id") Long id, EvaluationRequest body) {
    var e = applications.evaluate(current.require(), id, body == null ? null : body.score,
        body == null ? null : body.comment);
    return Response.status(201)
        .entity(new ApplicationView.EvaluationView(e.score(), e.comment(), e.evaluatedAt())).build();
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("字段 " + field + " 不能为空。");
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("字段 " + field + " 的值「" + AuditResource.abbreviate(value)
          + "」无效，可选："
          + EnumSet.allOf(type) + "。");
    }
  }

  static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("字段 " + field + " 不能为空（格式 YYYY-MM-DD）。");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("字段 " + field + " 的日期「" + value + "」格式不正确，应为 YYYY-MM-DD。");
    }
  }
}
