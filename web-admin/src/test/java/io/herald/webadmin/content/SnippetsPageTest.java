package io.herald.webadmin.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.SnippetView;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeSnippets;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import org.junit.jupiter.api.Test;

class SnippetsPageTest {

  private final FakeSnippets snippets = new FakeSnippets();
  private final Messages messages = new Messages();

  private SnippetsPage page(FakeRoleUser user, String name) {
    SnippetsPage page = new SnippetsPage();
    page.snippets = snippets;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setName(name);
    page.load();
    return page;
  }

  @Test
  void listsSnippetsAndFillsTheFormWithTheOneNamed() {
    snippets.put(OneWorkspace.ID, "footer", "<p>Acme</p>");
    snippets.put(OneWorkspace.ID, "main address", "1 Main St");

    SnippetsPage page = page(FakeRoleUser.viewer(), "main address");

    assertThat(page.getList())
        .extracting(SnippetView::name)
        .containsExactly("footer", "main address");
    assertThat(page.isEditing()).isTrue();
    assertThat(page.getFormValue()).isEqualTo("1 Main St");
    assertThat(page.tagOf("footer")).isEqualTo("{{ snippets.footer }}");
    assertThat(page.tagOf("main address")).isEqualTo("{{ snippets[\"main address\"] }}");
    assertThat(page.tagOf("sign-off")).isEqualTo("{{ snippets[\"sign-off\"] }}");
  }

  @Test
  void anUnknownNameSaysSoAndTheFormCreates() {
    SnippetsPage page = page(FakeRoleUser.editor(), "nope");
    assertThat(page.isEditing()).isFalse();
    assertThat(messages.errors).containsExactly("There is no snippet “nope”.");
  }

  @Test
  void editorsSaveByNameAndRefusalsLandOnTheirField() {
    SnippetsPage page = page(FakeRoleUser.editor(), null);
    page.setFormName("a.b");
    page.setFormValue("x");
    assertThat(page.save()).isNull();
    assertThat(page.getProblems().field("name")).startsWith("name may hold only letters");
    assertThat(snippets.snippets).isEmpty();

    page.setFormName("sign off");
    page.setFormValue(" Bye ");
    assertThat(page.save()).isEqualTo("/snippets?faces-redirect=true&name=sign+off");
    assertThat(snippets.snippets.get("sign off").value()).isEqualTo("Bye");
    assertThat(messages.infos).containsExactly("Snippet “sign off” saved.");
  }

  @Test
  void viewersChangeNothing() {
    snippets.put(OneWorkspace.ID, "footer", "x");
    SnippetsPage page = page(FakeRoleUser.viewer(), "footer");
    page.setFormValue("changed");
    assertThat(page.save()).isNull();
    assertThat(page.delete("footer")).isNull();
    assertThat(snippets.snippets.get("footer").value()).isEqualTo("x");
    assertThat(messages.errors)
        .containsExactly(
            "Only admins and editors may change snippets.",
            "Only admins and editors may delete snippets.");
  }

  @Test
  void aSnippetInUseIsNotDeleted() {
    snippets.put(OneWorkspace.ID, "footer", "x");
    snippets.put(OneWorkspace.ID, "old", "y");
    snippets.inUse.add("footer");
    SnippetsPage page = page(FakeRoleUser.admin(), null);

    assertThat(page.delete("footer")).isNull();
    assertThat(messages.errors)
        .containsExactly(
            "Snippet not deleted: snippet footer is used by transactional message 1 (Welcome).");
    assertThat(page.delete("old")).isEqualTo("/snippets?faces-redirect=true");
    assertThat(snippets.snippets).containsOnlyKeys("footer");
  }
}
