package io.herald.webadmin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.SendRateLimit;
import io.herald.webadmin.fakes.FakeChannelSettings;
import io.herald.webadmin.fakes.FakePluginHost;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsPageTest {

  private final FakeChannelSettings channels = new FakeChannelSettings();
  private final Messages messages = new Messages();

  private ChannelsPage page(FakeRoleUser user) {
    ChannelsPage page = new ChannelsPage();
    page.channels = channels;
    page.plugins = new FakePluginHost();
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.init();
    return page;
  }

  private static SettingField field(ChannelsPage page, String name) {
    return page.getFields().stream()
        .filter(f -> f.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theFormIsRenderedFromTheFirstProvidersSchema() {
    ChannelsPage page = page(FakeRoleUser.admin());

    assertThat(page.getProvider()).isEqualTo("mail");
    assertThat(page.getFields())
        .extracting(SettingField::getName, SettingField::getInputKind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("host", "text"),
            org.assertj.core.groups.Tuple.tuple("port", "number"),
            org.assertj.core.groups.Tuple.tuple("security", "select"),
            org.assertj.core.groups.Tuple.tuple("mode", "select"),
            org.assertj.core.groups.Tuple.tuple("trust", "checkbox"),
            org.assertj.core.groups.Tuple.tuple("notes", "textarea"),
            org.assertj.core.groups.Tuple.tuple("api", "url"),
            org.assertj.core.groups.Tuple.tuple("password", "password"),
            org.assertj.core.groups.Tuple.tuple("key", "secret-textarea"));
    assertThat(field(page, "host").isRequired()).isTrue();
    assertThat(field(page, "port").isRequired()).isFalse();
    assertThat(field(page, "port").getInput()).isEqualTo("587");
    assertThat(field(page, "security").getOptions()).containsExactly("starttls", "tls", "none");
    assertThat(field(page, "mode").getOptions()).containsExactly("", "a", "b");
    assertThat(field(page, "host").getHelp()).isEqualTo("The server.");

    page.setProvider("hook");
    page.providerChanged();
    assertThat(page.getFields()).extracting(SettingField::getName).containsExactly("url");
  }

  @Test
  void savesTypedValuesAndLeavesEmptyOnesOut() {
    ChannelsPage page = page(FakeRoleUser.admin());
    page.setName(" smtp ");
    page.setDefault(true);
    field(page, "host").setInput(" mail.example.com ");
    field(page, "trust").setChecked(true);
    field(page, "notes").setInput("line 1\nline 2\n");
    field(page, "password").setInput("s3cret");

    page.save();

    ChannelSettingInput saved = channels.inputs.get(0);
    assertThat(saved.name()).isEqualTo("smtp");
    assertThat(saved.channel()).isEqualTo("email");
    assertThat(saved.provider()).isEqualTo("mail");
    assertThat(saved.isDefault()).isTrue();
    assertThat(saved.settings())
        .isEqualTo(
            Map.of(
                "host", "mail.example.com",
                "port", "587",
                "security", "starttls",
                "trust", "true",
                "notes", "line 1\nline 2\n",
                "password", "s3cret"));
    assertThat(messages.infos).containsExactly("Channel setting “smtp” saved.");
    assertThat(page.isEditing()).isTrue();
    assertThat(field(page, "password").isSet()).isTrue();
    assertThat(field(page, "password").getInput()).isNull();
    assertThat(field(page, "key").isSet()).isFalse();
  }

  @Test
  void editingNeverFillsASecretBackAndAnEmptyOneKeepsTheStoredValue() {
    channels.saved.put(
        "smtp",
        new ChannelSettingInput(
            "smtp",
            "email",
            "mail",
            Map.of("host", "a.example.com", "trust", "true", "password", "s3cret"),
            false,
            new SendRateLimit(10, 0, Map.of())));
    ChannelsPage page = page(FakeRoleUser.admin());

    page.edit("smtp");

    assertThat(page.isEditing()).isTrue();
    assertThat(field(page, "host").getInput()).isEqualTo("a.example.com");
    assertThat(field(page, "trust").isChecked()).isTrue();
    assertThat(field(page, "password").isSet()).isTrue();
    assertThat(field(page, "password").getInput()).isNull();
    field(page, "host").setInput("b.example.com");
    field(page, "password").setInput("  ");

    page.save();

    assertThat(channels.inputs.get(0).settings()).doesNotContainKey("password");
    assertThat(channels.saved.get("smtp").settings())
        .containsEntry("password", "s3cret")
        .containsEntry("host", "b.example.com");
    // The form does not edit rate limits: the stored one stays.
    assertThat(channels.saved.get("smtp").rateLimit())
        .isEqualTo(new SendRateLimit(10, 0, Map.of()));
  }

  @Test
  void refusedValuesAreShownBesideTheirFields() {
    ChannelsPage page = page(FakeRoleUser.admin());
    page.setName("Bad Name");
    field(page, "password").setInput("typed");
    channels.refuseWith =
        List.of(
            "name must be 1 to 64 lower-case letters, digits, - or _",
            "settings: port: must be a whole number",
            "settings: host: is required",
            "settings.bogus is not a setting of mail",
            "channel must be email for provider mail");

    page.save();

    assertThat(page.getNameProblem()).startsWith("name must be 1 to 64");
    assertThat(field(page, "port").getProblem()).isEqualTo("must be a whole number");
    assertThat(field(page, "host").getProblem()).isEqualTo("is required");
    assertThat(page.getProblems())
        .containsExactly(
            "settings.bogus is not a setting of mail", "channel must be email for provider mail");
    assertThat(field(page, "password").getInput()).isNull();
    assertThat(page.isEditing()).isFalse();
    assertThat(messages.errors.get(0)).startsWith("Channel setting not saved: name must be");
  }

  @Test
  void deletesASetting() {
    channels.saved.put(
        "smtp", new ChannelSettingInput("smtp", "email", "mail", Map.of(), true, null));
    ChannelsPage page = page(FakeRoleUser.admin());
    page.edit("smtp");

    page.delete("smtp");

    assertThat(channels.saved).isEmpty();
    assertThat(page.getSettings()).isEmpty();
    assertThat(page.isEditing()).isFalse();
    assertThat(messages.infos).containsExactly("Channel setting “smtp” deleted.");
  }

  @Test
  void onlyAdminsChangeSettings() {
    channels.saved.put(
        "smtp", new ChannelSettingInput("smtp", "email", "mail", Map.of(), true, null));
    ChannelsPage page = page(FakeRoleUser.editor());
    page.setName("other");
    field(page, "host").setInput("h");

    page.save();
    page.delete("smtp");
    page.edit("smtp");

    assertThat(channels.inputs).isEmpty();
    assertThat(channels.saved).containsKey("smtp");
    assertThat(page.getSettings()).extracting(s -> s.name()).containsExactly("smtp");
    assertThat(messages.errors).containsOnly("Only admins may change channel settings.").hasSize(3);
  }
}
