package io.herald.messaging.internal.render;

import static io.herald.messaging.internal.render.FunctionFilter.arg;
import static io.herald.messaging.internal.render.Values.number;
import static io.herald.messaging.internal.render.Values.text;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import liqp.filters.Filter;

/**
 * Customer.io's locale-aware number filters: {@code format_number}, {@code currency} and {@code
 * rounded_currency}. The locale defaults to {@code en-US}; a currency code is accepted only after a
 * locale, as in Customer.io.
 */
final class NumberFilters {

  private NumberFilters() {}

  static List<Filter> all() {
    return List.of(
        new FunctionFilter("format_number", 0, 1, NumberFilters::formatNumber),
        new FunctionFilter("currency", 0, 2, (v, p) -> currency("currency", v, p, false)),
        new FunctionFilter(
            "rounded_currency", 0, 2, (v, p) -> currency("rounded_currency", v, p, true)));
  }

  private static Object formatNumber(Object value, Object[] params) {
    NumberFormat format = NumberFormat.getNumberInstance(locale("format_number", params));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(number("format_number", value));
  }

  private static Object currency(String filter, Object value, Object[] params, boolean rounded) {
    Locale locale = locale(filter, params);
    Currency currency = currencyOf(filter, locale, params);
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(currency);
    int digits = rounded ? 0 : Math.max(currency.getDefaultFractionDigits(), 0);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(number(filter, value));
  }

  private static Locale locale(String filter, Object[] params) {
    String tag = text(arg(params, 0, "en-US")).strip().replace('_', '-');
    Locale locale = Locale.forLanguageTag(tag);
    if (locale.getLanguage().isEmpty()) {
      throw RenderFailure.filter(filter, "unknown locale '" + tag + "'");
    }
    return locale;
  }

  private static Currency currencyOf(String filter, Locale locale, Object[] params) {
    String code = text(arg(params, 1, "")).strip();
    try {
      if (!code.isEmpty()) {
        return Currency.getInstance(code.toUpperCase(Locale.ROOT));
      }
      return locale.getCountry().isEmpty()
          ? Currency.getInstance("USD")
          : Currency.getInstance(locale);
    } catch (IllegalArgumentException e) {
      throw RenderFailure.filter(filter, "unknown currency '" + code + "'");
    }
  }
}
