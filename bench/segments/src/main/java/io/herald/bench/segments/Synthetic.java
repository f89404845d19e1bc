package io.herald.bench.segments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic data set, as pure functions of a row number: the same scale always gives the same
 * people, events, objects and relationships (only the dates move with the time of the run).
 */
final class Synthetic {

  /** The 20 event names of the generated history, with their share of events in percent. */
  static final List<Weighted> EVENT_NAMES =
      List.of(
          new Weighted("page_viewed", 20),
          new Weighted("product_viewed", 14),
          new Weighted("login", 10),
          new Weighted("search", 9),
          new Weighted("add_to_cart", 7),
          new Weighted("purchase", 6),
          new Weighted("screen_viewed", 6),
          new Weighted("logout", 4),
          new Weighted("checkout_started", 4),
          new Weighted("wishlist_added", 3),
          new Weighted("email_link_clicked", 3),
          new Weighted("review_submitted", 2),
          new Weighted("support_ticket_opened", 2),
          new Weighted("subscription_renewed", 2),
          new Weighted("coupon_applied", 2),
          new Weighted("remove_from_cart", 2),
          new Weighted("referral_sent", 1),
          new Weighted("profile_updated", 1),
          new Weighted("app_installed", 1),
          new Weighted("subscription_cancelled", 1));

  static final List<Weighted> PLANS =
      List.of(
          new Weighted("free", 50),
          new Weighted("basic", 25),
          new Weighted("pro", 18),
          new Weighted("enterprise", 7));

  /** Country, share in percent, time zone, language. */
  static final List<Weighted> COUNTRIES =
      List.of(
          new Weighted("US", 30),
          new Weighted("GB", 10),
          new Weighted("DE", 10),
          new Weighted("FR", 8),
          new Weighted("IN", 8),
          new Weighted("CA", 6),
          new Weighted("BR", 6),
          new Weighted("JP", 5),
          new Weighted("AU", 4),
          new Weighted("ES", 4),
          new Weighted("IT", 4),
          new Weighted("NL", 3),
          new Weighted("SE", 2));

  static final List<Weighted> INDUSTRIES =
      List.of(
          new Weighted("software", 20),
          new Weighted("retail", 15),
          new Weighted("finance", 15),
          new Weighted("health", 12),
          new Weighted("education", 10),
          new Weighted("manufacturing", 10),
          new Weighted("media", 10),
          new Weighted("logistics", 8));

  static final List<Weighted> ROLES =
      List.of(
          new Weighted("member", 60),
          new Weighted("admin", 15),
          new Weighted("billing", 15),
          new Weighted("owner", 10));

  static final List<String> CATEGORIES =
      List.of("books", "electronics", "garden", "toys", "fashion", "food", "sports", "music");

  /** How far back the event history goes. */
  static final Duration HISTORY = Duration.ofDays(90);

  /**
   * Window lengths (days) the segments use. No event is generated in the last {@link #GUARD} before
   * such an edge: an event near the edge would leave the window between Herald's computation and
   * the hand-written query's, and the two counts would differ for a reason that is not the engine.
   */
  static final List<Integer> WINDOW_EDGES_DAYS = List.of(1, 7, 14, 30, 60);

  /** The width of the guard band before each window edge: longer than any run. */
  static final Duration GUARD = Duration.ofHours(6);

  private final long people;
  private final int companies;
  private final Instant now;

  Synthetic(long people, int companies, Instant now) {
    this.people = people;
    this.companies = companies;
    this.now = now;
  }

  Instant now() {
    return now;
  }

  long people() {
    return people;
  }

  int companies() {
    return companies;
  }

  /** A value with a weight. */
  record Weighted(String value, int weight) {}

  // People.

  static String cioId(long person) {
    return String.format("be%014x", person);
  }

  static String customerId(long person) {
    return "u" + person;
  }

  static String email(long person) {
    return "u" + person + "@bench.example";
  }

  /** The person's created_at (Unix seconds): within the last three years. */
  long createdAt(long person) {
    return now.getEpochSecond() - (long) (unit(person, 1) * 3 * 365 * 86_400L);
  }

  /**
   * The attributes as the people module stores them (identifiers mirrored): 10 attributes besides
   * {@code cio_id}.
   */
  String attributes(long person) {
    Weighted country = pick(COUNTRIES, unit(person, 3));
    long lastLogin = now.getEpochSecond() - (long) (unit(person, 6) * 60 * 86_400L);
    return "{\"cio_id\":\""
        + cioId(person)
        + "\",\"id\":\""
        + customerId(person)
        + "\",\"email\":\""
        + email(person)
        + "\",\"plan\":\""
        + pick(PLANS, unit(person, 2)).value()
        + "\",\"country\":\""
        + country.value()
        + "\",\"age\":"
        + (18 + (int) (unit(person, 4) * 63))
        + ",\"created_at\":"
        + createdAt(person)
        + ",\"timezone\":\""
        + timezone(country.value(), unit(person, 5))
        + "\",\"ltv\":"
        + String.format(Locale.ROOT, "%.2f", unit(person, 7) * 2000)
        + ",\"language\":\""
        + language(country.value())
        + "\",\"last_login_at\":"
        + lastLogin
        + "}";
  }

  /** Each attribute of {@link #attributes} set at the person's creation. */
  String attributeTimestamps(long person) {
    long t = createdAt(person);
    StringBuilder out = new StringBuilder("{");
    String separator = "";
    for (String name :
        List.of(
            "cio_id",
            "id",
            "email",
            "plan",
            "country",
            "age",
            "created_at",
            "timezone",
            "ltv",
            "language",
            "last_login_at")) {
      out.append(separator).append('"').append(name).append("\":").append(t);
      separator = ",";
    }
    return out.append('}').toString();
  }

  boolean unsubscribed(long person) {
    return unit(person, 8) < 0.02;
  }

  // Events.

  /**
   * The person of event {@code n}: skewed towards low numbers (the top 1% of people have about 5%
   * of the events, the most active one about 500 of 5,000,000), as real activity is.
   */
  long eventPerson(long n) {
    return Math.min(people - 1, (long) (people * Math.pow(unit(n, 11), 1.5)));
  }

  String eventName(long n) {
    return pick(EVENT_NAMES, unit(n, 12)).value();
  }

  /** When event {@code n} happened: within {@link #HISTORY}, never just inside a window edge. */
  Instant eventTime(long n) {
    long historySeconds = HISTORY.minus(GUARD).toSeconds();
    long age = (long) (unit(n, 13) * historySeconds);
    for (int days : WINDOW_EDGES_DAYS) {
      long edge = days * 86_400L;
      if (age >= edge - GUARD.toSeconds() && age < edge) {
        age += GUARD.toSeconds();
      }
    }
    return now.minusSeconds(age).minusMillis((long) (unit(n, 14) * 1000));
  }

  static String eventData(long n) {
    return "{\"price\":"
        + String.format(Locale.ROOT, "%.2f", 1 + unit(n, 15) * 299)
        + ",\"currency\":\""
        + (unit(n, 16) < 0.7 ? "USD" : "EUR")
        + "\",\"category\":\""
        + CATEGORIES.get((int) (unit(n, 17) * CATEGORIES.size()))
        + "\",\"quantity\":"
        + (1 + (int) (unit(n, 18) * 5))
        + "}";
  }

  // Objects.

  static String objectId(int company) {
    return "c" + company;
  }

  static String cioObjectId(int company) {
    return String.format("bo%014x", company);
  }

  static String objectAttributes(int company) {
    return "{\"name\":\"Company "
        + company
        + "\",\"industry\":\""
        + pick(INDUSTRIES, unit(company, 21)).value()
        + "\",\"employees\":"
        + (1 + (int) (Math.pow(unit(company, 22), 3) * 10_000))
        + "}";
  }

  static String objectAttributeTimestamps(long at) {
    return "{\"name\":" + at + ",\"industry\":" + at + ",\"employees\":" + at + "}";
  }

  /**
   * The companies person {@code person} is related to: one for 70% of people, two for 10%, none for
   * the rest.
   */
  int[] companiesOf(long person) {
    double r = unit(person, 31);
    if (r >= 0.8) {
      return new int[0];
    }
    int first = (int) (unit(person, 32) * companies);
    if (r < 0.7 || companies < 2) {
      return new int[] {first};
    }
    int second = (first + 1 + (int) (unit(person, 33) * (companies - 1))) % companies;
    return new int[] {first, second};
  }

  static String relationshipAttributes(long person, int k) {
    return "{\"role\":\"" + pick(ROLES, unit(person * 2 + k, 34)).value() + "\"}";
  }

  // Helpers.

  private static String timezone(String country, double u) {
    return switch (country) {
      case "US" ->
          u < 0.45 ? "America/New_York" : u < 0.75 ? "America/Chicago" : "America/Los_Angeles";
      case "GB" -> "Europe/London";
      case "DE" -> "Europe/Berlin";
      case "FR" -> "Europe/Paris";
      case "IN" -> "Asia/Kolkata";
      case "CA" -> u < 0.6 ? "America/Toronto" : "America/Vancouver";
      case "BR" -> "America/Sao_Paulo";
      case "JP" -> "Asia/Tokyo";
      case "AU" -> "Australia/Sydney";
      case "ES" -> "Europe/Madrid";
      case "IT" -> "Europe/Rome";
      case "NL" -> "Europe/Amsterdam";
      default -> "Europe/Stockholm";
    };
  }

  private static String language(String country) {
    return switch (country) {
      case "DE" -> "de";
      case "FR" -> "fr";
      case "JP" -> "ja";
      case "BR" -> "pt";
      case "ES" -> "es";
      case "IT" -> "it";
      case "NL" -> "nl";
      case "SE" -> "sv";
      default -> "en";
    };
  }

  static Weighted pick(List<Weighted> choices, double u) {
    int total = choices.stream().mapToInt(Weighted::weight).sum();
    double x = u * total;
    for (Weighted w : choices) {
      x -= w.weight();
      if (x < 0) {
        return w;
      }
    }
    return choices.get(choices.size() - 1);
  }

  /** A uniform number in [0, 1) from a row number and a salt (SplitMix64). */
  static double unit(long n, long salt) {
    long z = n * 0x9E3779B97F4A7C15L + salt * 0xD1B54A32D192ED03L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
