package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Licences;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 我的证照: the enterprise's decisions, each with its standing (the verification service's word:
 * valid, revoked or invalid), a download link and a preview of the one chosen, shown inside the
 * page (the newest at first).
 */
@Named
@ViewScoped
public class LicencesBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  Licences licences;

  private transient List<Licences.Licence> rows;
  private transient Map<Long, Licences.Standing> standings;
  private Long shown;

  /** View action: reads the list before the page renders, so a refusal shows in its messages. */
  public void load() {
    getRows();
  }

  public List<Licences.Licence> getRows() {
    if (rows == null) {
      rows = Pages.attempt(() -> licences.of(current.require()));
      if (rows == null) {
        rows = List.of();
      }
    }
    return rows;
  }

  /** The verification service's judgement, asked once per document and view. */
  public Licences.Standing standing(Long documentId) {
    if (standings == null) {
      standings = new HashMap<>();
    }
    return standings.computeIfAbsent(documentId, id -> {
      Licences.Standing s = Pages.attempt(() -> licences.standing(current.require(), id));
      return s == null ? new Licences.Standing(false, false, false, null) : s;
    });
  }

  /** The document previewed: the one chosen, else the newest. */
  public Licences.Licence getShown() {
    List<Licences.Licence> all = getRows();
    return all.stream().filter(l -> l.id().equals(shown)).findFirst()
        .orElse(all.isEmpty() ? null : all.get(0));
  }

  public void show(Long documentId) {
    shown = documentId;
  }

  public boolean isShown(Long documentId) {
    Licences.Licence s = getShown();
    return s != null && s.id().equals(documentId);
  }
}
