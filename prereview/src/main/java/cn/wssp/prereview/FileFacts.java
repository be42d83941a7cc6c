package cn.wssp.prereview;

/**
 * What extraction learnt of one file.
 *
 * @param detectedType media type detected from the content (never from the name; the name may only
 *     narrow an ambiguous container, e.g. a ZIP that is a docx, or an encrypted Office wrapper)
 * @param nameType media type the file name suggests, or null
 * @param pages page count where the format has pages, else null
 * @param encrypted the file is password-protected
 * @param corrupt the file could not be parsed
 * @param textLength characters of text extracted (0 for scans without OCR)
 */
public record FileFacts(
    String detectedType,
    String nameType,
    Integer pages,
    boolean encrypted,
    boolean corrupt,
    int textLength) implements java.io.Serializable {}
