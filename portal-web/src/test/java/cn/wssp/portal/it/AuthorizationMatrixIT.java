package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives every endpoint of the table {@code authorization-matrix.txt} (kept next to this class)
 * as every role, anonymous and a foreign enterprise, on the real portal, and compares each
 * answer's status with the table. One report lists every mismatch.
 */
class AuthorizationMatrixIT {
  static final List<String> CALLERS = List.of("anonymous", "applicant", "applicant2", "clerk",
      "reviewer", "chief-b", "chief-a", "chief-b-2", "admin", "supervisor");

  static RunningPortal portal;
  static final Map<String, Api> apis = new LinkedHashMap<>();
  static long app;
  static long draft;
  static long doc;
  static long letter;

  @BeforeAll
  static void fixtures() throws Exception {
    portal = RunningPortal.shared();
    for (String caller : CALLERS) {
      apis.put(caller, caller.equals("anonymous") ? Api.anonymous(portal) : Api.login(portal, caller));
    }
    Api applicant = apis.get("applicant");
    draft = ApiJourneyIT.create(applicant, "SCJG-0002");
    app = ApiJourneyIT.create(applicant, "SCJG-0002");
    ApiJourneyIT.upload(applicant, app, "loss-statement", "遗失声明.pdf", Materials.valid("SCJG-0002", "loss-statement"));
    ApiJourneyIT.submit(applicant, app);
    ApiJourneyIT.awaitStatus(applicant, app, "PRE_REVIEWED");
    Api.Reply accepted = apis.get("clerk").post("/api/v1/applications/" + app + "/acceptance",
        "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());
    Api.Reply decided = apis.get("chief-b").post("/api/v1/applications/" + app + "/decision",
        "{\"outcome\":\"APPROVE\",\"text\":\"准予补领营业执照。\",\"pin\":\"123456\"}");
    assertEquals(200, decided.status(), decided.toString());
    JsonObject issued = applicant.get("/api/v1/applications/" + app).json();
    assertEquals("ISSUED", issued.getString("status"));
    doc = issued.getJsonArray("documents").stream().map(JsonValue::asJsonObject)
        .filter(d -> d.getString("kind").equals("APPROVAL_DECISION")).findFirst().orElseThrow()
        .getJsonNumber("id").longValue();
    Api.Reply delegated = apis.get("admin").post("/api/v1/admin/delegations",
        "{\"department\":\"市场监督管理局\",\"roleA\":\"chief-a\",\"roleB\":\"chief-b\","
            + "\"matters\":[],\"actions\":[\"APPROVE\",\"ISSUE\"],"
            + "\"validFrom\":\"2099-01-01\",\"validTo\":\"2099-01-31\"}");
    assertEquals(201, delegated.status(), delegated.toString());
    letter = delegated.json().getJsonObject("letter").getJsonNumber("id").longValue();
  }

  record Row(String method, String path, String body, List<Integer> expected) {}

  static List<Row> table() throws Exception {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("authorization-matrix.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] halves = line.split("\\|");
        String[] request = halves[0].trim().split("\\s+", 3);
        List<Integer> expected = new ArrayList<>();
        for (String s : halves[1].trim().split("\\s+")) {
          expected.add(Integer.parseInt(s));
        }
        assertEquals(CALLERS.size(), expected.size(), "columns of: " + line);
        rows.add(new Row(request[0], request[1], request.length > 2 ? request[2].trim() : "-", expected));
      }
    }
    return rows;
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
    List<String> mismatches = new ArrayList<>();
    List<Row> rows = table();
    assertTrue(rows.size() >= 15, "the table covers the API");
    for (Row row : rows) {
      String path = row.path().replace("{app}", String.valueOf(app))
          .replace("{draft}", String.valueOf(draft)).replace("{doc}", String.valueOf(doc))
          .replace("{letter}", String.valueOf(letter));
      for (int i = 0; i < CALLERS.size(); i++) {
        Api.Reply reply = send(apis.get(CALLERS.get(i)), row, path);
        if (reply.status() != row.expected().get(i)) {
          mismatches.add(row.method() + " " + row.path() + " as " + CALLERS.get(i) + ": expected "
              + row.expected().get(i) + ", got " + reply);
        }
      }
    }
    assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
  }

  static Api.Reply send(Api api, Row row, String path) throws Exception {
    return switch (row.method()) {
      case "GET" -> api.get(path);
      case "PUT" -> row.body().equals("FILE")
          ? api.putFile(path, "声明.pdf", Materials.valid("SCJG-0002", "loss-statement"))
          : api.put(path, row.body());
      case "POST" -> api.post(path, row.body().equals("-") ? null : row.body());
      case "DELETE" -> api.delete(path);
      default -> throw new IllegalArgumentException(row.method());
    };
  }
}
