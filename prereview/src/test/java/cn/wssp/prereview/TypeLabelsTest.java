package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public friendly names of media types, as the portal's pages and the findings use them. */
class TypeLabelsTest {
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @Test
  void theFormatsMaterialsAccept() {
    assertEquals("PDF", TypeLabels.of("application/pdf"));
    assertEquals("JPG", TypeLabels.of("image/jpeg"));
    assertEquals("PNG", TypeLabels.of("image/png"));
    assertEquals("Word", TypeLabels.of("application/msword"));
    assertEquals("Word", TypeLabels.of(DOCX));
    assertEquals("TIFF", TypeLabels.of("image/tiff"));
    assertEquals("OFD", TypeLabels.of("application/ofd"));
    assertEquals("Excel", TypeLabels.of("application/vnd.ms-excel"));
  }

  @Test
  void looseSpellingsAreTolerated() {
    assertEquals("JPG", TypeLabels.of("image/jpg"));
    assertEquals("JPG", TypeLabels.of("image/pjpeg"));
    assertEquals("PNG", TypeLabels.of("image/x-png"));
    assertEquals("PDF", TypeLabels.of("application/x-pdf"));
    assertEquals("PDF", TypeLabels.of("Application/PDF"));
    assertEquals("PDF", TypeLabels.of(" application/pdf "));
    assertEquals("PDF", TypeLabels.of("application/pdf; version=1.7"));
    assertEquals("PDF", TypeLabels.of("pdf"));
    assertEquals("JPG", TypeLabels.of(".jpg"));
    assertEquals("ZIP", TypeLabels.of("application/x-zip-compressed"), "a Tika alias");
  }

  @Test
  void unknownTypesComeBackAsGiven() {
    assertEquals("application/x-custom", TypeLabels.of("application/x-custom"));
    assertEquals("text/plain", TypeLabels.of("text/plain"));
    assertEquals("not a type", TypeLabels.of("not a type"));
    assertEquals("", TypeLabels.of(""));
    assertEquals("", TypeLabels.of((String) null));
  }

  @Test
  void listsInOrderWithoutRepeats() {
    assertEquals("PDF、JPG、Word", TypeLabels.of(List.of("application/pdf", "image/jpeg",
        "image/pjpeg", "application/msword", DOCX)));
    assertEquals("PNG、application/x-custom、PDF",
        TypeLabels.of(List.of("image/png", "application/x-custom", "application/pdf", "image/png")));
    assertEquals("PDF、JPG", TypeLabels.of(Arrays.asList("application/pdf", null, " ", "image/jpeg")));
    assertEquals("OFD", TypeLabels.of(Set.of("application/ofd")));
    assertEquals("", TypeLabels.of(List.of()));
    assertEquals("", TypeLabels.of((List<String>) null));
  }

  @Test
  void theFindingsNameAcceptedTypesTheSameWay() {
    List<String> accepted = List.of("application/pdf", "image/jpeg", "image/tiff", DOCX);
    assertEquals(TypeLabels.of(accepted), MediaTypes.standard().acceptedLabels(accepted));
  }
}
