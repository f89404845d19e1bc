package io.herald.webadmin.people;

import io.herald.people.api.IdType;
import io.herald.people.api.PeoplePage;
import io.herald.people.api.PeopleQuery;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.people.api.SearchTimeoutException;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * People: searches the default workspace's people ({@code ?q=}) and pages through them, newest
 * first, 25 at a time. {@code q} is an id or email prefix or an exact cio_id, or {@code name =
 * value} for an attribute; empty lists everyone. Paging is keyset paging ({@link
 * PeopleService#search}): the table knows the pages seen so far plus whether "more" follow, never a
 * total. View-scoped, so the page tokens live as long as the view; it holds only the query text,
 * the workspace id and the tokens.
 */
@Named
@ViewScoped
public class PeopleSearchPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** People per table page. */
  public static final int PAGE_SIZE = 25;

  @Inject PeopleService people;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String q;
  private Long workspaceId;
  private transient PeopleQuery query;
  private boolean suppressed;
  private final Model model = new Model();

  /** Reads {@code q} and prepares the first page (the view's {@code f:viewAction}). */
  public void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see people.");
      return;
    }
    workspaceId =
        workspaces.defaultWorkspace().map(WorkspaceView::id).map(WorkspaceId::value).orElse(null);
    try {
      query = parse(q);
    } catch (IllegalArgumentException e) {
      messages.error("Search not run: " + e.getMessage() + ".");
      workspaceId = null;
      return;
    }
    if (workspaceId != null && query instanceof PeopleQuery.Identifier identifier) {
      String text = identifier.text();
      IdType type = text.contains("@") ? IdType.EMAIL : IdType.ID;
      suppressed = people.suppressed(new WorkspaceId(workspaceId), new PersonRef(type, text));
    }
  }

  /** Blank: everyone; {@code name = value}: an attribute; anything else: an identifier. */
  static PeopleQuery parse(String text) {
    if (text == null || text.isBlank()) {
      return new PeopleQuery.Everyone();
    }
    int equals = text.indexOf('=');
    if (equals >= 0) {
      return new PeopleQuery.AttributeEquals(
          text.substring(0, equals), text.substring(equals + 1).trim());
    }
    return new PeopleQuery.Identifier(text);
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  /** Whether the search named an attribute ({@code name = value}), which reads rows one by one. */
  public boolean isAttributeSearch() {
    return query instanceof PeopleQuery.AttributeEquals;
  }

  /** Whether the searched id or email is suppressed (its person was deleted and stays away). */
  public boolean isSuppressed() {
    return suppressed;
  }

  public LazyDataModel<PersonView> getModel() {
    return model;
  }

  /** Whether more people follow the last page loaded. */
  public boolean isMore() {
    return model.more;
  }

  /**
   * The people of the search, a page at a time. {@code first} offsets map to the page tokens seen
   * so far; the row count is the rows seen plus one when more follow, so the paginator offers the
   * next page and no further.
   */
  final class Model extends LazyDataModel<PersonView> {

    private static final long serialVersionUID = 1L;

    private final Map<Integer, String> tokens = new HashMap<>(Map.of(0, ""));
    private int known;
    private boolean more;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return known;
    }

    @Override
    public List<PersonView> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (workspaceId == null) {
        return List.of();
      }
      if (query == null) {
        query = parse(q);
      }
      String after = tokens.getOrDefault(first, "");
      int from = tokens.containsKey(first) ? first : 0;
      PeoplePage page;
      try {
        page = people.search(new WorkspaceId(workspaceId), query, after, pageSize);
      } catch (SearchTimeoutException e) {
        messages.error(
            "The attribute search took too long: "
                + e.getMessage()
                + ". Search by id, email or cio_id, which use indexes.");
        more = false;
        setRowCount(from);
        return List.of();
      }
      more = page.hasMore();
      if (more) {
        tokens.put(from + pageSize, page.next());
      }
      known = Math.max(known, from + page.people().size() + (more ? 1 : 0));
      setRowCount(known);
      return page.people();
    }

    @Override
    public String getRowKey(PersonView person) {
      return person.cioId();
    }

    @Override
    public PersonView getRowData(String rowKey) {
      return getWrappedData().stream()
          .filter(p -> p.cioId().equals(rowKey))
          .findFirst()
          .orElse(null);
    }
  }
}
