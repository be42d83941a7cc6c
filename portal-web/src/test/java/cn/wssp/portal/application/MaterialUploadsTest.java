package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import cn.wssp.prereview.PreReviewer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaterialUploadsTest {
  static PreReviewer preReviewer;

  final TestPortal portal = new TestPortal();
  final MaterialUploads uploads = new MaterialUploads();
  final Application app = portal.applications.create(actor(portal.applicant), "SCJG-0001");

  @BeforeAll
  static void tika() {
    preReviewer = new PreReviewer();
  }

  @AfterAll
  static void close() {
    preReviewer.close();
  }

  MaterialUploadsTest() {
    uploads.applications = portal.applications;
    uploads.objects = portal.objects;
    uploads.preReviewer = preReviewer;
    uploads.profile = portal.profile;
  }

  MaterialFile upload(String name, byte[] bytes) {
    return uploads.upload(actor(portal.applicant), app.id(), "application-form", name,
        new ByteArrayInputStream(bytes));
  }

  @Test
  void theTypeComesFromTheContentAndTheHashFromTheBytes() {
    MaterialFile f = upload("C:\\材料\\申请书.pdf", "纯文字".getBytes(StandardCharsets.UTF_8));
    assertEquals("申请书.pdf", f.fileName(), "only the last path segment is kept");
    assertTrue(f.mediaType().startsWith("text/plain"), f.mediaType());
    assertArrayEquals("纯文字".getBytes(StandardCharsets.UTF_8), portal.objects.objects.get(f.objectKey()));
  }

  @Test
  void anUploadOverTheCapIsRefusedAndTheEarlierFileKept() {
    MaterialFile first = upload("申请书.pdf", new byte[100]);
    String key = first.objectKey();
    DomainException e = assertThrows(DomainException.class,
        () -> upload("大文件.pdf", new byte[(int) portal.profile.uploadMaxBytes() + 1]));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("原有文件保持不变"), e.getMessage());
    assertEquals(key, portal.applications.materialFile(app.id(), "application-form")
        .orElseThrow().objectKey());
  }

  /** A declared size over the cap or the quota is refused before a byte of the file is read. */
  @Test
  void aDeclaredSizeOverTheCapOrTheQuotaIsRefusedUnread() {
    java.io.InputStream unread = new java.io.InputStream() {
      @Override
      public int read() {
        throw new AssertionError("the body was read");
      }
    };
    long cap = portal.profile.uploadMaxBytes();
    DomainException tooLarge = assertThrows(DomainException.class, () -> uploads.upload(
        actor(portal.applicant), app.id(), "application-form", "大.pdf", unread, cap + 1));
    assertEquals("TOO_LARGE", tooLarge.code());
    portal.applications.quota = new cn.wssp.portal.domain.storage.StorageQuota(10);
    DomainException quota = assertThrows(DomainException.class, () -> uploads.upload(
        actor(portal.applicant), app.id(), "application-form", "大.pdf", unread, 11));
    assertEquals("QUOTA_EXCEEDED", quota.code());
  }

  /** Without a declared size the quota is checked as the row is written: over it, nothing kept. */
  @Test
  void anUndeclaredFileOverTheQuotaLeavesNothingAndTheEarlierFileKept() {
    MaterialFile first = upload("申请书.pdf", new byte[100]);
    portal.applications.quota = new cn.wssp.portal.domain.storage.StorageQuota(150);
    DomainException e = assertThrows(DomainException.class, () -> upload("大.pdf", new byte[200]));
    assertEquals("QUOTA_EXCEEDED", e.code());
    assertEquals(List.of(first.objectKey()), materialObjects());
    assertEquals(first.objectKey(), portal.applications.materialFile(app.id(), "application-form")
        .orElseThrow().objectKey());
    // The file it replaces is not counted: 140 bytes instead of 100 fit a quota of 150.
    MaterialFile second = upload("小.pdf", new byte[140]);
    assertEquals(List.of(second.objectKey()), materialObjects());
  }

  /** The answer does not wait for the replaced object's delete; it is done after. */
  @Test
  void theReplacedObjectIsDeletedAfterTheAnswer() {
    List<Runnable> later = new java.util.ArrayList<>();
    uploads.deletions = later::add;
    String firstKey = upload("第一版").objectKey();
    MaterialFile second = upload("第二版");
    assertEquals(2, materialObjects().size(), "not yet deleted when the upload returns");
    assertEquals(1, later.size());
    later.forEach(Runnable::run);
    assertEquals(List.of(second.objectKey()), materialObjects());
    assertTrue(!portal.objects.objects.containsKey(firstKey));
  }

  /** A file of another size than declared: 400, nothing stored, the earlier file kept. */
  @Test
  void aFileOfAnotherSizeThanDeclaredLeavesNothing() {
    MaterialFile first = upload("申请书.pdf", new byte[100]);
    DomainException e = assertThrows(DomainException.class, () -> uploads.upload(
        actor(portal.applicant), app.id(), "application-form", "另一份.pdf",
        new ByteArrayInputStream(new byte[200]), 150));
    assertEquals("SIZE_MISMATCH", e.code());
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("150 字节"), e.getMessage());
    assertEquals(List.of(first.objectKey()), materialObjects());
  }

  @Test
  void anotherEnterpriseStoresNothing() {
    int before = portal.objects.objects.size();
    assertEquals(404, assertThrows(DomainException.class, () -> uploads.upload(
        actor(portal.applicant2), app.id(), "application-form", "x.pdf",
        new ByteArrayInputStream(new byte[10]))).status());
    assertEquals(before, portal.objects.objects.size());
  }

  // A replaced material's old object is deleted after the row points at the new one.

  MaterialFile upload(String text) {
    return upload("申请书.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  List<String> materialObjects() {
    String prefix = "applications/" + app.id() + "/materials/application-form/";
    return portal.objects.objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
  }

  @Test
  void tenReplacementsLeaveOneObject() {
    MaterialFile last = null;
    for (int i = 0; i < 10; i++) {
      last = upload("第 " + i + " 版");
    }
    assertEquals(List.of(last.objectKey()), materialObjects());
    assertArrayEquals("第 9 版".getBytes(StandardCharsets.UTF_8),
        portal.objects.objects.get(last.objectKey()));
  }

  @Test
  void aFailedDeleteLeavesAnOrphanAndTheNewFileRecorded() {
    MaterialFile first = upload("第一版");
    portal.objects.undeletable.add(first.objectKey());
    MaterialFile second = upload("第二版");
    assertEquals(second.objectKey(), portal.applications.materialFile(app.id(), "application-form")
        .orElseThrow().objectKey());
    assertEquals(2, materialObjects().size(), "the old object stays for the reconciliation");
  }

  @Test
  void theStoreDownAnswers503AndKeepsWhatWasSaved() {
    MaterialFile first = upload("第一版");
    portal.objects.down = true;
    DomainException e = assertThrows(DomainException.class, () -> upload("第二版"));
    assertEquals(503, e.status());
    assertEquals("STORAGE_UNAVAILABLE", e.code());
    assertEquals("文件存储暂时不可用，请稍后重试；已保存的内容不受影响。", e.getMessage());
    assertEquals(first.objectKey(), portal.applications.materialFile(app.id(), "application-form")
        .orElseThrow().objectKey());
    portal.objects.down = false;
    assertEquals(List.of(first.objectKey()), materialObjects());
  }

  /** The store giving up on a sender too slow is the sender's failure (400), not an outage. */
  @Test
  void aStoreGivingUpOnASlowSenderIsTheSendersFailure() {
    MaterialFile first = upload("第一版");
    uploads.objects = new cn.wssp.portal.testing.InMemoryObjectStore() {
      @Override
      public cn.wssp.storage.StoredObject put(String key, java.io.InputStream content, long size,
          String contentType) throws cn.wssp.storage.StorageException {
        throw new cn.wssp.storage.SenderStalledException("RequestTimeout");
      }
    };
    DomainException e = assertThrows(DomainException.class, () -> upload("第二版"));
    assertEquals(400, e.status());
    assertEquals("UPLOAD_FAILED", e.code());
    assertEquals(first.objectKey(), portal.applications.materialFile(app.id(), "application-form")
        .orElseThrow().objectKey());
  }

  @Test
  void aRefusedUploadLeavesNoObject() {
    MaterialFile first = upload("第一版");
    // A withdrawn application takes no upload: nothing is stored for it.
    portal.applications.withdraw(actor(portal.applicant), app.id());
    assertThrows(DomainException.class, () -> upload("第二版"));
    assertEquals(List.of(first.objectKey()), materialObjects());
  }
}
