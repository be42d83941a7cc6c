package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minio.Xml;
import io.minio.errors.XmlParserException;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.LifecycleRule;
import org.junit.jupiter.api.Test;

/** RGW's older lifecycle answer becomes one the MinIO SDK reads; the newer form is left alone. */
class LifecycleRulePrefixFixTest {
  /** As Ceph 16's RGW answered GET ?lifecycle for the rule the store sets. */
  static final String RGW = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><LifecycleConfiguration"
      + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ID>wssp-abort-incomplete-uploads"
      + "</ID><Prefix></Prefix><Status>Enabled</Status><AbortIncompleteMultipartUpload>"
      + "<DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>"
      + "<Rule><ID>logs</ID><Prefix>logs/</Prefix><Status>Enabled</Status><Expiration><Days>30"
      + "</Days></Expiration></Rule></LifecycleConfiguration>";

  @Test
  void aBarePrefixBecomesAFilter() throws Exception {
    assertThrows(XmlParserException.class, () -> Xml.unmarshal(LifecycleConfiguration.class, RGW),
        "the SDK alone cannot read it");
    LifecycleConfiguration read = Xml.unmarshal(LifecycleConfiguration.class,
        LifecycleRulePrefixFix.filtered(RGW));
    LifecycleRule abort = read.rules().get(0);
    assertEquals("wssp-abort-incomplete-uploads", abort.id());
    assertEquals("", abort.filter().prefix() == null ? "" : abort.filter().prefix());
    assertEquals(1, abort.abortIncompleteMultipartUpload().daysAfterInitiation());
    assertEquals("logs/", read.rules().get(1).filter().prefix());
  }

  @Test
  void aFilterStaysAsItIs() {
    String newer = "<LifecycleConfiguration><Rule><ID>x</ID><Filter><Prefix>a/</Prefix></Filter>"
        + "<Status>Enabled</Status></Rule></LifecycleConfiguration>";
    assertEquals(newer, LifecycleRulePrefixFix.filtered(newer));
  }
}
