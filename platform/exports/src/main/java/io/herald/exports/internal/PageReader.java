package io.herald.exports.internal;

import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonView;
import io.herald.segments.api.SegmentService;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one page of people and, for each segment a filter names, which of them are members. The
 * read runs in a short transaction of its own: on a managed-executor thread there is no request or
 * EJB invocation, and Payara's container-managed entity managers refuse non-transactional queries
 * there ("closed EntityManager").
 */
@ApplicationScoped
public class PageReader {

  @Inject PeopleService people;

  @Inject SegmentService segments;

  /**
   * A page of people and their segment memberships.
   *
   * @param people the people, in cio_id order
   * @param members for each segment asked about, which of them are in it
   */
  record Page(List<PersonView> people, Map<Long, Set<String>> members) {}

  /** Up to {@code limit} people after {@code afterCioId}, with their memberships of segments. */
  @Transactional
  Page read(WorkspaceId workspace, String afterCioId, int limit, Set<Long> segmentIds) {
    List<PersonView> page = people.scan(workspace, afterCioId, limit);
    Map<Long, Set<String>> members = new HashMap<>();
    if (!page.isEmpty()) {
      List<String> cioIds = page.stream().map(PersonView::cioId).toList();
      for (long segmentId : segmentIds) {
        members.put(segmentId, segments.membersAmong(workspace, segmentId, cioIds));
      }
    }
    return new Page(page, members);
  }
}
