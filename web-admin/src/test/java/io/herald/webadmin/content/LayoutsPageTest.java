package io.herald.webadmin.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.LayoutView;
import io.herald.webadmin.fakes.FakeLayouts;
import io.herald.webadmin.fakes.FakeMessaging;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import org.junit.jupiter.api.Test;

class LayoutsPageTest {

  private final FakeLayouts layouts = new FakeLayouts();
  private final FakeMessaging messaging = new FakeMessaging();
  private final Messages messages = new Messages();

  private LayoutsPage page(FakeRoleUser user, Long id) {
    LayoutsPage page = new LayoutsPage();
    page.layouts = layouts;
    page.messaging = messaging;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(id);
    page.load();
    return page;
  }

  @Test
  void opensALayoutAndPreviewsIt() {
    layouts.add("Plain", "{{ content }}");
    LayoutView brand = layouts.add("Brand", "<body>{{ content }}</body>");
    messaging.preview = new EmailPreview("", "", "", "<body><p>sample</p></body>", "sample", null);

    LayoutsPage page = page(FakeRoleUser.viewer(), brand.id());

    assertThat(page.getList())
        .extracting(l -> l.content().name())
        .containsExactly("Plain", "Brand");
    assertThat(page.isEditing()).isTrue();
    assertThat(page.getFormName()).isEqualTo("Brand");
    assertThat(messaging.previewedLayouts).containsExactly("<body>{{ content }}</body>");
    assertThat(page.getPreview().html()).isEqualTo("<body><p>sample</p></body>");
  }

  @Test
  void thePreviewFollowsTheTypedHtmlAndAPerson() {
    LayoutsPage page = page(FakeRoleUser.editor(), null);
    assertThat(page.getFormHtml()).contains("{{ content }}");
    page.setFormHtml("<main>{{ content }}</main>");
    page.setPerson("ada@example.com");
    page.preview();
    assertThat(messaging.previewedLayouts).containsExactly("<main>{{ content }}</main>");
    assertThat(messaging.previewPeople.get(0).value()).isEqualTo("ada@example.com");
  }

  @Test
  void createsAndSavesWithProblemsOnTheirFields() {
    LayoutsPage page = page(FakeRoleUser.editor(), null);
    page.setFormName("Brand");
    page.setFormHtml("<body></body>");
    assertThat(page.save()).isNull();
    assertThat(page.getProblems().field("html"))
        .isEqualTo("html must have exactly one {{ content }} placeholder (it has 0)");
    assertThat(layouts.layouts).isEmpty();

    page.setFormHtml("<body>{{ content }}</body>");
    String outcome = page.save();
    long id = layouts.layouts.keySet().iterator().next();
    assertThat(outcome).isEqualTo("/layouts?faces-redirect=true&id=" + id);

    LayoutsPage edit = page(FakeRoleUser.editor(), id);
    edit.setFormName("Brand 2");
    assertThat(edit.save()).isNull();
    assertThat(layouts.layouts.get(id).content().name()).isEqualTo("Brand 2");
    assertThat(messages.infos).contains("Layout “Brand” created.", "Layout “Brand 2” saved.");
  }

  @Test
  void aLayoutInUseIsNotDeletedAndViewersChangeNothing() {
    LayoutView used = layouts.add("Used", "{{ content }}");
    LayoutView unused = layouts.add("Unused", "{{ content }}");
    layouts.inUse.add(used.id());

    LayoutsPage viewer = page(FakeRoleUser.viewer(), null);
    assertThat(viewer.delete(unused.id())).isNull();
    assertThat(messages.errors).containsExactly("Only admins and editors may delete layouts.");

    LayoutsPage admin = page(FakeRoleUser.admin(), null);
    assertThat(admin.delete(used.id())).isNull();
    assertThat(messages.errors)
        .last()
        .isEqualTo(
            "Layout not deleted: layout "
                + used.id()
                + " is used by transactional message 1 (Welcome).");
    assertThat(admin.delete(unused.id())).isEqualTo("/layouts?faces-redirect=true");
    assertThat(layouts.layouts).containsOnlyKeys(used.id());
  }
}
