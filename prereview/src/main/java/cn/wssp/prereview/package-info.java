/**
 * Automatic completeness pre-review (§4 of SPEC.md), judged by a matter's rule set written as data
 * ({@link cn.wssp.prereview.RuleSet}, format in RULES.md), in three steps each testable alone: detect
 * and extract ({@link cn.wssp.prereview.ContentInspector}, Apache Tika behind it, OCR by Tesseract
 * when installed), then judge (a list of small {@link cn.wssp.prereview.MaterialCheck}s run by the
 * {@link cn.wssp.prereview.PreReviewer}). No Tika type appears in the public API. The wording of
 * findings lives in {@code findings_zh.properties}; the friendly names of media types (PDF、JPG、
 * Word, ...) in {@link cn.wssp.prereview.TypeLabels}, which the portal's pages use too.
 */
package cn.wssp.prereview;
