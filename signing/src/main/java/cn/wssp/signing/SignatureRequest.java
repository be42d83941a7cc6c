package cn.wssp.signing;

/**
 * Plain parameters of one seal signature.
 *
 * @param fieldName the signature field, unique in the document (e.g. "seal-1")
 * @param placement where the visible seal image goes (for a rendered decision:
 *     {@link OfficialDocumentRenderer#sealPlacement(byte[], int)})
 * @param departmentName shown in the seal image and stored as the signer's organisation
 * @param signerName the chief representative applying the seal (stored as the signature's name)
 * @param reason e.g. "准予行政许可"
 * @param location e.g. the service center's name
 */
public record SignatureRequest(
    String fieldName,
    SealPlacement placement,
    String departmentName,
    String signerName,
    String reason,
    String location) {}
