package cn.wssp.prereview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * What a {@link MaterialCheck} sees of one material and, if one was submitted, one file; and where
 * it reports. The file is inspected (detected, parsed, OCR'd) the first time a check asks for the
 * {@link #inspection()}, so checks that decide on the size alone never cause a parse.
 *
 * <p>If the inspection finds the content empty or larger than the limit although the declared size
 * said otherwise, the context reports EMPTY or TOO_LARGE itself and ends the checks of this file.
 */
public final class CheckContext {
  private final MaterialRequirement requirement;
  private final SubmittedFile file;
  private final long maxBytes;
  private final Function<SubmittedFile, Inspection> inspector;
  private final List<Finding> findings = new ArrayList<>();
  private final Applicant applicant;
  private final java.time.LocalDate today;
  private Inspection inspection;
  private boolean stopped;

  CheckContext(MaterialRequirement requirement, SubmittedFile file, long maxBytes,
      Function<SubmittedFile, Inspection> inspector) {
    this(requirement, file, maxBytes, inspector, null, java.time.LocalDate.now());
  }

  CheckContext(MaterialRequirement requirement, SubmittedFile file, long maxBytes,
      Function<SubmittedFile, Inspection> inspector, Applicant applicant,
      java.time.LocalDate today) {
    this.requirement = requirement;
    this.file = file;
    this.maxBytes = maxBytes;
    this.inspector = inspector;
    this.applicant = applicant;
    this.today = today;
  }

  /** The applicant the materials must belong to, or null when unknown. */
  public Applicant applicant() {
    return applicant;
  }

  /** The day of the review, for expiry dates. */
  public java.time.LocalDate today() {
    return today;
  }

  /** A context on the same file and inspection whose findings are kept apart (for anyOf). */
  CheckContext fork() {
    CheckContext c = new CheckContext(requirement, file, maxBytes, inspector, applicant, today);
    c.inspection = inspection();
    return c;
  }

  /** Whether a BLOCKING finding was reported for this file. */
  boolean blocked() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKING);
  }

  public MaterialRequirement requirement() {
    return requirement;
  }

  /** The submitted file, or null when none was submitted for this material. */
  public SubmittedFile file() {
    return file;
  }

  public boolean hasFile() {
    return file != null;
  }

  /** The size limit that applies: the material's, or the configured default when it sets none. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Inspects the file on first call. Only for checks of a submitted file. */
  public Inspection inspection() {
    if (file == null) {
      throw new IllegalStateException("no file submitted for " + requirement.code());
    }
    if (inspection == null) {
      inspection = inspector.apply(file);
      if (inspection.empty()) {
        report(FindingCode.EMPTY, Severity.BLOCKING, "EMPTY");
        throw new Stop();
      }
      if (inspection.overLimit()) {
        report(FindingCode.TOO_LARGE, Severity.BLOCKING, "TOO_LARGE.content",
            Messages.size(maxBytes));
        throw new Stop();
      }
    }
    return inspection;
  }

  public FileFacts facts() {
    return inspection().facts();
  }

  /** Whether this file was inspected (its facts then belong in the result). */
  public boolean inspected() {
    return inspection != null;
  }

  Inspection inspectionIfAny() {
    return inspection;
  }

  /**
   * Reports a finding worded by {@code messageKey} in findings_zh.properties. The message gets the
   * material's name as {0}, the file name as {1}, then {@code args} as {2}, {3}, ...
   */
  public void report(FindingCode code, Severity severity, String messageKey, Object... args) {
    Object[] all = new Object[args.length + 2];
    all[0] = requirement.name();
    all[1] = file != null ? file.fileName() : "";
    System.arraycopy(args, 0, all, 2, args.length);
    reportMessage(code, severity, Messages.format(messageKey, all));
  }

  /** Reports a finding with a message already worded (e.g. from a rule an administrator wrote). */
  public void reportMessage(FindingCode code, Severity severity, String message) {
    reportMessage(code, severity, message, null);
  }

  /** Reports a finding with its evidence (page, snippet, OCR confidence). */
  public void reportMessage(FindingCode code, Severity severity, String message,
      Evidence evidence) {
    findings.add(new Finding(requirement.code(), code, severity, message, evidence));
  }

  /** The material's name and file name as {0} and {1}, then {@code args}. */
  Object[] messageArgs(Object... args) {
    Object[] all = new Object[args.length + 2];
    all[0] = requirement.name();
    all[1] = file != null ? file.fileName() : "";
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }

  /** Ends the checks of this file after the current one: nothing more is worth saying. */
  public void stop() {
    stopped = true;
  }

  public boolean stopped() {
    return stopped;
  }

  /** Whether an earlier check already reported this code for this file. */
  public boolean reported(FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }

  List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  /** Thrown by {@link #inspection()} to end the checks of a file; caught by the reviewer. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }
}
