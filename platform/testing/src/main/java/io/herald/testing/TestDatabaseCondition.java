package io.herald.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables tests when {@link TestDatabaseSessionListener} recorded why it has no database. */
public final class TestDatabaseCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = System.getProperty(TestDatabaseSessionListener.SKIP_PROPERTY);
    return reason == null
        ? ConditionEvaluationResult.enabled("test database available")
        : ConditionEvaluationResult.disabled("skipped: " + reason);
  }
}
