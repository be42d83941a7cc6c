package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.VerificationService;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.interfaces.security.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.primefaces.event.FileUploadEvent;

/**
 * The public verification page (§6): upload a PDF, or enter number + code (the QR code on every
 * document links here with both filled in, and then the check runs at once).
 */
@Named
@ViewScoped
public class VerifyBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BYTES = 50 << 20;

  @Inject
  VerificationService verification;

  @Inject
  ClientAddress clientAddress;

  private String number;
  private String code;
  private String checkedFile;
  private transient VerificationService.Result result;

  /** With number and code in the address (from the QR code), verify at once. */
  public void load() {
    if (number != null && !number.isBlank() && code != null && !code.isBlank() && result == null) {
      byNumber();
    }
  }

  public void byNumber() {
    checkedFile = null;
    String address = clientAddress.of(
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    // Wrong pairs are throttled per address; the refusal says when to try again.
    result = Pages.attempt(() -> verification.verifyByNumber(number, code, address));
  }

  public void upload(FileUploadEvent event) {
    checkedFile = event.getFile().getFileName();
    try {
      result = Pages.attempt(() -> {
        try (InputStream in = event.getFile().getInputStream()) {
          byte[] pdf = in.readNBytes(MAX_BYTES + 1);
          if (pdf.length > MAX_BYTES) {
            throw DomainException.invalid("文件超过 50 MB，不是本门户签发的文书。")
                .inEnglish("The file is larger than 50 MB: it is not a document this portal issued.");
          }
          return verification.verifyUpload(pdf);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } finally {
      Pages.discard(event.getFile()); // the part's temp copy goes now, also on errors
    }
  }

  /** The decision stands: every signature valid, the bytes unchanged, not revoked. */
  public boolean isGood() {
    return result != null && result.valid() && result.intact() && !result.revoked()
        && !result.signatures().isEmpty();
  }

  /** The bundle key of the one-line verdict. */
  public String getVerdictKey() {
    if (result == null) {
      return "";
    }
    if (result.revoked()) {
      return "verify.revoked";
    }
    if (result.signatures().isEmpty()) {
      return "verify.unsigned";
    }
    return isGood() ? "verify.valid" : "verify.invalid";
  }

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public VerificationService.Result getResult() { return result; }
  public String getCheckedFile() { return checkedFile; }
}
