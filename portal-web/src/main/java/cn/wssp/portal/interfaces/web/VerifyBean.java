package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.VerificationService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.primefaces.event.FileUploadEvent;

/** The public verification page: upload a PDF, or number + code (the QR code links here). */
@Named
@ViewScoped
public class VerifyBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BYTES = 50 << 20;

  @Inject
  VerificationService verification;

  private String number;
  private String code;
  private VerificationService.Result result;
  private String checkedFile;

  /** With number and code in the address (from the QR code), verify at once. */
  public void load() {
    if (number != null && !number.isBlank() && code != null && !code.isBlank() && result == null) {
      byNumber();
    }
  }

  public void byNumber() {
    checkedFile = null;
    result = Pages.attempt(() -> verification.verifyByNumber(number, code));
  }

  public void upload(FileUploadEvent event) {
    checkedFile = event.getFile().getFileName();
    result = Pages.attempt(() -> {
      try (InputStream in = event.getFile().getInputStream()) {
        byte[] pdf = in.readNBytes(MAX_BYTES + 1);
        if (pdf.length > MAX_BYTES) {
          throw cn.wssp.portal.domain.model.DomainException.invalid("文件超过 50 MB，不是本门户签发的文书。");
        }
        return verification.verifyUpload(pdf);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public VerificationService.Result getResult() { return result; }
  public String getCheckedFile() { return checkedFile; }
}
