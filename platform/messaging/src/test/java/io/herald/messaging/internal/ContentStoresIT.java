package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.LayoutInput;
import io.herald.messaging.api.LayoutView;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SnippetView;
import io.herald.messaging.api.TransactionalInput;
import io.herald.messaging.api.TransactionalView;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snippets and layouts on a real database: Customer.io's create-or-update by name, name and
 * placeholder rules, deletes refused while messages use them, a transactional message's {@code
 * layout_id}, and the stored content an email renders with (an edit shows on the next render).
 */
class ContentStoresIT {

  private static DataSource dataSource;

  private WorkspaceId workspace;
  private WorkspaceId other;
  private DefaultSnippets snippets;
  private DefaultLayouts layouts;
  private DefaultTransactionals transactionals;
  private StoredContent content;
  private EmailComposer composer;

  @BeforeAll
  static void database() {
    dataSource = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void stores() {
    long ws = MigratedTestDatabase.freshWorkspace();
    workspace = new WorkspaceId(ws);
    other = new WorkspaceId(ws + 1);
    composer = new EmailComposer();
    snippets = new DefaultSnippets();
    snippets.dataSource = dataSource;
    snippets.composer = composer;
    layouts = new DefaultLayouts();
    layouts.dataSource = dataSource;
    layouts.composer = composer;
    transactionals = new DefaultTransactionals();
    transactionals.dataSource = dataSource;
    content = new StoredContent();
    content.snippets = snippets;
    content.layouts = layouts;
  }

  @AfterEach
  void forget() {
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          for (String table :
              new String[] {
                "messaging_delivery",
                "messaging_channel",
                "messaging_transactional",
                "messaging_layout",
                "messaging_snippet"
              }) {
            try (var d =
                c.prepareStatement("DELETE FROM " + table + " WHERE workspace_id IN (?, ?)")) {
              d.setLong(1, workspace.value());
              d.setLong(2, other.value());
              d.executeUpdate();
            }
          }
          return null;
        });
  }

  @Test
  void snippetsAreCreatedOrUpdatedByNameTrimmedAndListedByName() {
    SnippetView created = snippets.put(workspace, "  footer ", "  <p>Acme</p>\n");
    assertThat(created.name()).isEqualTo("footer");
    assertThat(created.value()).isEqualTo("<p>Acme</p>");
    snippets.put(workspace, "address", "1 Main St");
    SnippetView updated = snippets.put(workspace, "footer", "<p>Acme Inc</p>");
    assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());

    assertThat(snippets.list(workspace))
        .extracting(SnippetView::name, SnippetView::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("address", "1 Main St"),
            org.assertj.core.groups.Tuple.tuple("footer", "<p>Acme Inc</p>"));
    assertThat(snippets.list(other)).isEmpty();
    assertThat(snippets.find(other, "footer")).isEmpty();
    // Names are exact (Liquid lookups are case-sensitive).
    assertThat(snippets.find(workspace, "Footer")).isEmpty();
  }

  @Test
  void badSnippetsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> snippets.put(workspace, "a.b", "x"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageStartingWith("name may hold only letters");
    assertThatThrownBy(() -> snippets.put(workspace, " ", "x"))
        .hasMessage("name must not be empty");
    assertThatThrownBy(() -> snippets.put(workspace, "n", "x".repeat(16_001)))
        .hasMessage("value must be at most 16000 characters");
    assertThatThrownBy(() -> snippets.put(workspace, "n", "line\n{% if %}"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageStartingWith("value line 2");
    assertThatThrownBy(() -> snippets.put(workspace, "n", null)).hasMessage("value is required");
    assertThat(snippets.list(workspace)).isEmpty();
  }

  @Test
  void aSnippetInUseIsNotDeleted() {
    snippets.put(workspace, "footer", "<p>Acme</p>");
    snippets.put(workspace, "main address", "1 Main St");
    snippets.put(workspace, "unused", "x");
    TransactionalView message =
        transactionals.create(workspace, message("Welcome", "Hi {{ snippets.footer }}", null));
    LayoutView layout =
        layouts.create(
            workspace, new LayoutInput("Brand", "{{ content }}{{ snippets[\"main address\"] }}"));

    assertThatThrownBy(() -> snippets.delete(workspace, "footer"))
        .isInstanceOf(ContentInUseException.class)
        .hasMessage(
            "snippet footer is used by transactional message " + message.id() + " (Welcome)");
    assertThatThrownBy(() -> snippets.delete(workspace, "main address"))
        .isInstanceOf(ContentInUseException.class)
        .hasMessage("snippet main address is used by layout " + layout.id() + " (Brand)");
    assertThatThrownBy(() -> snippets.delete(workspace, "missing"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("snippet missing not found");
    assertThatThrownBy(() -> snippets.delete(other, "unused"))
        .isInstanceOf(NotFoundException.class);

    snippets.delete(workspace, "unused");
    assertThat(snippets.find(workspace, "unused")).isEmpty();
    assertThat(snippets.find(workspace, "footer")).isPresent();
  }

  @Test
  void layoutsNeedExactlyOneContentPlaceholderAndCompilingLiquid() {
    assertThatThrownBy(() -> layouts.create(workspace, new LayoutInput("L", "<body></body>")))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessage("html must have exactly one {{ content }} placeholder (it has 0)");
    assertThatThrownBy(
            () -> layouts.create(workspace, new LayoutInput("L", "{{content}}{{ content }}")))
        .hasMessage("html must have exactly one {{ content }} placeholder (it has 2)");
    assertThatThrownBy(
            () -> layouts.create(workspace, new LayoutInput("", "{{content}}\n{{ x | nope }}")))
        .isInstanceOf(InvalidMessageException.class)
        .satisfies(
            e ->
                assertThat(((InvalidMessageException) e).problems())
                    .hasSize(2)
                    .first()
                    .isEqualTo("name must be 1 to 255 characters"))
        .hasMessageContaining("html line 2");
    assertThat(layouts.list(workspace)).isEmpty();
  }

  @Test
  void layoutsAreCreatedUpdatedAndDeletedWhenUnused() {
    LayoutView created =
        layouts.create(workspace, new LayoutInput(" Brand ", "<body>{{ content }}</body>"));
    assertThat(created.content().name()).isEqualTo("Brand");
    LayoutView updated =
        layouts.update(
            workspace, created.id(), new LayoutInput("Brand 2", "<main>{{content}}</main>"));
    assertThat(updated.content()).isEqualTo(new LayoutInput("Brand 2", "<main>{{content}}</main>"));
    assertThat(layouts.list(workspace)).extracting(LayoutView::id).containsExactly(created.id());
    assertThat(layouts.find(other, created.id())).isEmpty();
    assertThatThrownBy(
            () -> layouts.update(other, created.id(), new LayoutInput("x", "{{content}}")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("layout " + created.id() + " not found");

    TransactionalView message =
        transactionals.create(workspace, message("Receipt", "<p>paid</p>", created.id()));
    assertThat(message.content().layoutId()).isEqualTo(created.id());
    assertThatThrownBy(() -> layouts.delete(workspace, created.id()))
        .isInstanceOf(ContentInUseException.class)
        .hasMessage(
            "layout "
                + created.id()
                + " is used by transactional message "
                + message.id()
                + " (Receipt)");

    transactionals.update(workspace, message.id(), message("Receipt", "<p>paid</p>", null));
    layouts.delete(workspace, created.id());
    assertThat(layouts.find(workspace, created.id())).isEmpty();
    assertThatThrownBy(() -> layouts.delete(workspace, created.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aMessageNamesOnlyALayoutOfItsWorkspace() {
    LayoutView elsewhere = layouts.create(other, new LayoutInput("Other", "{{ content }}"));
    assertThatThrownBy(() -> transactionals.create(workspace, message("M", "b", elsewhere.id())))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessage("layout_id " + elsewhere.id() + " is not a layout of this workspace");
    assertThatThrownBy(() -> transactionals.create(workspace, message("M", "b", 999_999_999L)))
        .hasMessage("layout_id 999999999 is not a layout of this workspace");
    assertThat(transactionals.list(workspace)).isEmpty();
  }

  @Test
  void emailsRenderWithTheStoredLayoutAndSnippetsAndAnEditShowsOnTheNextRender() {
    snippets.put(workspace, "sign-off", "Bye {{ customer.first_name }}");
    snippets.put(workspace, "unused", "{{ customer.undefined_thing }}");
    LayoutView layout =
        layouts.create(
            workspace,
            new LayoutInput("Brand", "<html><body><h1>Acme</h1>{{ content }}</body></html>"));
    EmailParts parts =
        new EmailParts("", "", "Hi", "", "<p>Hello</p><p>{{ snippets[\"sign-off\"] }}</p>", "");
    Map<String, Object> vars = Map.of("customer", Map.of("first_name", "Ada"));

    EmailPreview first = composer.preview(content.template(workspace, parts, layout.id()), vars);
    assertThat(first.error()).isNull();
    assertThat(first.html())
        .isEqualTo("<html><body><h1>Acme</h1><p>Hello</p><p>Bye Ada</p></body></html>");

    snippets.put(workspace, "sign-off", "Cheers {{ customer.first_name }}");
    layouts.update(
        workspace,
        layout.id(),
        new LayoutInput("Brand", "<html><body><h1>Acme 2</h1>{{ content }}</body></html>"));
    EmailPreview second = composer.preview(content.template(workspace, parts, layout.id()), vars);
    assertThat(second.html())
        .isEqualTo("<html><body><h1>Acme 2</h1><p>Hello</p><p>Cheers Ada</p></body></html>");

    // A snippet the workspace does not have fails strictly, with its line and variable.
    EmailParts missing = new EmailParts("", "", "Hi", "", "<p>Hello</p>\n{{ snippets.gone }}", "");
    EmailPreview failed = composer.preview(content.template(workspace, missing, null), vars);
    assertThat(failed.error()).isNotNull();
    assertThat(failed.error().field()).isEqualTo("body");
    assertThat(failed.error().line()).isEqualTo(2);
    assertThat(failed.error().variable()).isEqualTo("snippets.gone");
  }

  @Test
  void theDevOutboxHoldsWhatWentThroughADevOutboxSettingOfTheWorkspace() {
    java.time.Instant now =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Composed email =
        new Composed("", "", "Hi", "<p>Hi Ada</p>", "Hi Ada", Map.of(), java.util.List.of());
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          channel(c, workspace, "outbox", "dev-outbox");
          channel(c, workspace, "smtp", "email-smtp");
          channel(c, other, "outbox", "dev-outbox");
          delivered(c, workspace, "ob1", "outbox", email.toJson(), now);
          delivered(c, workspace, "sm1", "smtp", email.toJson(), now);
          delivered(c, workspace, "ob2", "outbox", null, now);
          delivered(c, other, "ob3", "outbox", email.toJson(), now);
          delivered(c, workspace, "q1", null, email.toJson(), now);
          return null;
        });

    java.util.List<io.herald.messaging.api.DeliveryView> page =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.ofOutbox(c, workspace.value(), null, 10));
    assertThat(page).extracting(d -> d.deliveryId()).containsExactly(id("ob2"), id("ob1"));
    long newestPk =
        Transactions.autoCommit(
            dataSource,
            "test",
            c -> DeliveryStore.pk(c, workspace.value(), id("ob2")).orElseThrow());
    java.util.List<io.herald.messaging.api.DeliveryView> older =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.ofOutbox(c, workspace.value(), newestPk, 10));
    assertThat(older).extracting(d -> d.deliveryId()).containsExactly(id("ob1"));

    DeliveryStore.OutboxRow kept = outboxRow("ob1").orElseThrow();
    assertThat(kept.setting()).isEqualTo("outbox");
    assertThat(Composed.fromJson(kept.content()).html()).isEqualTo("<p>Hi Ada</p>");
    assertThat(outboxRow("ob2").orElseThrow().content()).as("not retained").isNull();
    for (String notOutbox : new String[] {"sm1", "q1", "ob3"}) {
      assertThat(outboxRow(notOutbox)).as(notOutbox).isEmpty();
    }
  }

  private java.util.Optional<DeliveryStore.OutboxRow> outboxRow(String name) {
    return Transactions.autoCommit(
        dataSource, "test", c -> DeliveryStore.outboxContent(c, workspace.value(), id(name)));
  }

  private String id(String name) {
    return name + "-" + workspace.value();
  }

  private static void channel(java.sql.Connection c, WorkspaceId ws, String name, String provider)
      throws java.sql.SQLException {
    try (var insert =
        c.prepareStatement(
            "INSERT INTO messaging_channel (workspace_id, name, channel, provider, settings,"
                + " created_at, updated_at) VALUES (?, ?, 'email', ?, '{}', NOW(3), NOW(3))")) {
      insert.setLong(1, ws.value());
      insert.setString(2, name);
      insert.setString(3, provider);
      insert.executeUpdate();
    }
  }

  private void delivered(
      java.sql.Connection c,
      WorkspaceId ws,
      String name,
      String setting,
      String content,
      java.time.Instant now)
      throws java.sql.SQLException {
    DeliveryStore.insert(
        c,
        new DeliveryStore.NewDelivery(
            name + "-" + workspace.value(),
            ws.value(),
            null,
            "email",
            "transactional",
            null,
            "ada@example.com",
            "Hi",
            "queued",
            null,
            now,
            content != null,
            StoredBody.of(content)),
        now);
    if (setting != null) {
      try (var sent =
          c.prepareStatement(
              "UPDATE messaging_delivery SET state = 'sent', channel_setting = ?"
                  + " WHERE delivery_id = ?")) {
        sent.setString(1, setting);
        sent.setString(2, name + "-" + workspace.value());
        sent.executeUpdate();
      }
    }
  }

  private static TransactionalInput message(String name, String body, Long layoutId) {
    return new TransactionalInput(
        name, null, "", "Subject", "", "", "", body, "", null, true, layoutId);
  }
}
