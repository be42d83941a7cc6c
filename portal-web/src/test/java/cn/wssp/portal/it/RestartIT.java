package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second start on the same data folder keeps everything: no re-seeding, the same CA, the
 * same applications; and SIGTERM (Ctrl-C) stops the portal cleanly.
 */
class RestartIT {
  @Test
  void secondStartKeepsDataAndKeys() throws Exception {
    try (RunningPortal portal = RunningPortal.dedicated("restart")) {
      portal.start();
      String ca = Api.anonymous(portal).get("/api/v1/pki/ca.pem").text();
      Api applicant = Api.login(portal, "applicant");
      long id = ApiJourneyIT.create(applicant, "SCJG-0002");
      ApiJourneyIT.upload(applicant, id, "loss-statement", "声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
      int matters = Api.anonymous(portal).get("/api/v1/matters").structure().asJsonArray().size();

      portal.stop();
      portal.start();

      assertEquals(ca, Api.anonymous(portal).get("/api/v1/pki/ca.pem").text(), "same root CA");
      Api again = Api.login(portal, "applicant");
      var app = again.get("/api/v1/applications/" + id);
      assertEquals(200, app.status(), app.toString());
      assertEquals("声明.pdf", app.json().getJsonArray("materials").getJsonObject(0).getString("fileName"));
      assertEquals(matters, Api.anonymous(portal).get("/api/v1/matters").structure().asJsonArray().size(),
          "no re-seeding");
      String log = Files.readString(portal.dataDir.resolve("portal.log"));
      assertEquals(2, log.split("网上审批已就绪", -1).length - 1,
          "the application started exactly once per start (no second deployment)");

      // Everything under the data folder is the portal user's alone, from creation on.
      // The portal is running: a pre-review's temporary copy may vanish while this walks.
      List<String> open = new ArrayList<>();
      Files.walkFileTree(portal.dataDir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return visitFile(dir, attrs);
        }

        @Override
        public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) {
          if (!path.getFileName().toString().equals("portal.log")) {
            try {
              String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
              if (!perms.endsWith("------")) open.add(path + " is " + perms);
            } catch (NoSuchFileException gone) {
              // deleted since it was listed
            } catch (IOException e) {
              open.add(path + " unreadable: " + e);
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
          throw e;
        }
      });
      assertEquals(List.of(), open, "files or folders others can read");

      // Demo data switched off later: the published demo passwords stop working.
      portal.stop();
      portal.environment.put("PORTAL_DEMO_DATA", "false");
      portal.environment.put("PORTAL_TEST_CLOCK", "false");
      portal.start();
      assertEquals(404, Api.anonymous(portal).get("/api/v1/admin/clock").status(),
          "no test clock on a real portal");
      Api.Reply refused = Api.anonymous(portal).post("/api/v1/auth/token",
          "{\"username\":\"applicant\",\"password\":\"Demo-2026!\"}");
      assertEquals(401, refused.status(), refused.toString());
    }
  }
}
