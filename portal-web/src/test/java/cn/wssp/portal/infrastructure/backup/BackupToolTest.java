package cn.wssp.portal.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the backup tool that need no database nor object store. */
class BackupToolTest {
  @TempDir
  Path dir;

  @Test
  void postgresUrlBecomesPgDumpArgumentsWithThePasswordKeptApart() throws Exception {
    BackupTool.PgTarget pg = BackupTool.PgTarget.parse(
        "jdbc:postgresql://db.example:6543/wssp?currentSchema=portal&ssl=false",
        Map.of("PORTAL_DB_USER", "wssp", "PORTAL_DB_PASSWORD", "s3cret"));
    assertEquals("db.example", pg.host());
    assertEquals(6543, pg.port());
    assertEquals("wssp", pg.database());
    assertEquals("portal", pg.schema());
    assertFalse(String.join(" ", pg.connectionArgs()).contains("s3cret"), "never on a command line");

    BackupTool.PgTarget plain = BackupTool.PgTarget.parse("jdbc:postgresql://127.0.0.1/test?user=postgres",
        Map.of());
    assertEquals(5432, plain.port());
    assertEquals("postgres", plain.user());
    assertNull(plain.schema());
    assertEquals("wssp", BackupTool.PgTarget.parse("jdbc:postgresql:wssp", Map.of()).database());
  }

  @Test
  void verificationNamesTheAlteredMissingOrUnlistedFile() throws Exception {
    Files.createDirectories(dir.resolve("database"));
    Files.writeString(dir.resolve("database/h2.sql"), "CREATE TABLE T(ID INT);");
    Files.createDirectories(dir.resolve("objects/documents/ZY1"));
    Files.writeString(dir.resolve("objects/documents/ZY1/r1.pdf"), "%PDF-1.7 sealed");
    Manifest manifest = new Manifest(Manifest.FORMAT, "now", "h2", null, "wssp", List.of(
        entry("database/h2.sql", null), entry("objects/documents/ZY1/r1.pdf", "documents/ZY1/r1.pdf")));
    manifest.write(dir.resolve(Manifest.FILE));
    Manifest read = Manifest.read(dir.resolve(Manifest.FILE));
    assertEquals(manifest, read);
    BackupTool.verify(dir, read); // intact

    Files.writeString(dir.resolve("objects/documents/ZY1/r1.pdf"), "%PDF-1.7 sealeD");
    assertTrue(refusal(read).contains("objects/documents/ZY1/r1.pdf"));
    Files.delete(dir.resolve("objects/documents/ZY1/r1.pdf"));
    assertTrue(refusal(read).contains("objects/documents/ZY1/r1.pdf is missing"));
    Files.writeString(dir.resolve("objects/documents/ZY1/r1.pdf"), "%PDF-1.7 sealed");
    Files.writeString(dir.resolve("extra.txt"), "smuggled");
    assertTrue(refusal(read).contains("extra.txt"));
  }

  /** Restored documents are written once again (object lock where the store has it). */
  @Test
  void issuedDocumentsAreRestoredWrittenOnceMaterialsAsBefore() throws Exception {
    Files.createDirectories(dir.resolve("objects/documents/ZY1"));
    Files.writeString(dir.resolve("objects/documents/ZY1/r1.pdf"), "%PDF-1.7 sealed");
    Files.createDirectories(dir.resolve("objects/applications/7"));
    Files.writeString(dir.resolve("objects/applications/7/form.pdf"), "%PDF-1.7 form");
    Manifest.Entry document = entry("objects/documents/ZY1/r1.pdf", "documents/ZY1/r1.pdf");
    Manifest.Entry material = entry("objects/applications/7/form.pdf", "applications/7/form.pdf");
    cn.wssp.portal.testing.InMemoryObjectStore store = new cn.wssp.portal.testing.InMemoryObjectStore();

    BackupTool.restoreObject(store, document, dir.resolve(document.path()));
    BackupTool.restoreObject(store, material, dir.resolve(material.path()));
    // The in-memory store refuses to delete what was written once, as object lock does.
    assertThrows(cn.wssp.storage.StorageException.class, () -> store.delete("documents/ZY1/r1.pdf"));
    store.delete("applications/7/form.pdf");

    // A second restore with --force into the same bucket keeps the identical locked document.
    assertEquals(document.sha256(),
        BackupTool.restoreObject(store, document, dir.resolve(document.path())).sha256());
  }

  private String refusal(Manifest manifest) {
    return assertThrows(BackupTool.Refused.class, () -> BackupTool.verify(dir, manifest)).getMessage();
  }

  private Manifest.Entry entry(String path, String key) throws Exception {
    byte[] bytes = Files.readAllBytes(dir.resolve(path));
    return new Manifest.Entry(path, bytes.length,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), key,
        key == null ? null : "application/pdf");
  }
}
