package cn.wssp.prereview;

/** The finding codes of API.md; the API spells them exactly so. */
public enum FindingCode {
  MISSING_MATERIAL,
  TYPE_NOT_ACCEPTED,
  TYPE_MISMATCH,
  ENCRYPTED,
  CORRUPT,
  TOO_LARGE,
  TOO_MANY_PAGES,
  EMPTY,
  KEYWORD_MISSING,
  CREDIT_CODE_INVALID,
  CREDIT_CODE_MISMATCH,
  ID_NUMBER_INVALID,
  EXPIRED,
  SIGNATURE_MISSING,
  OCR_UNAVAILABLE,
  HOSTILE_FILE,
  /** The applicant's enterprise name is not in the material (or differs between materials). */
  ENTERPRISE_NAME_MISMATCH,
  /** A file was sent for a material code the matter does not list; it is ignored (WARNING). */
  UNKNOWN_MATERIAL
}
