package dev.shortstack.infra.constructs;

import dev.shortstack.infra.config.StageConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.constructs.Construct;

/**
 * A monthly cost budget for the stage's tagged resources: a warning when the month is forecast to
 * pass 80 % of the limit, an alert when actual spend passes it. The hard limits are elsewhere:
 * reserved concurrency, API throttling and DynamoDB caps.
 */
public final class CostControls extends Construct {
    public static final String STAGE_TAG = "shortstack:stage";

    public CostControls(Construct scope, String id, StageConfig config) {
        super(scope, id);
        List<CfnBudget.SubscriberProperty> subscribers = config.budget().alertEmails().stream()
                .map(email -> CfnBudget.SubscriberProperty.builder().subscriptionType("EMAIL").address(email).build())
                .toList();
        CfnBudget.Builder.create(this, "MonthlyBudget")
                .budget(CfnBudget.BudgetDataProperty.builder()
                        .budgetName("shortstack-" + config.name() + "-monthly")
                        .budgetType("COST")
                        .timeUnit("MONTHLY")
                        .budgetLimit(CfnBudget.SpendProperty.builder()
                                .amount(config.budget().monthlyLimitUsd())
                                .unit("USD")
                                .build())
                        // Needs the tag activated as a cost allocation tag in the Billing console once per account.
                        .costFilters(Map.of("TagKeyValue", List.of("user:" + STAGE_TAG + "$" + config.name())))
                        .build())
                .notificationsWithSubscribers(List.of(
                        notification("FORECASTED", 80, subscribers),
                        notification("ACTUAL", 100, subscribers)))
                .build();
    }

    private static CfnBudget.NotificationWithSubscribersProperty notification(String type, double percent,
                                                                              List<CfnBudget.SubscriberProperty> subscribers) {
        return CfnBudget.NotificationWithSubscribersProperty.builder()
                .notification(CfnBudget.NotificationProperty.builder()
                        .notificationType(type)
                        .comparisonOperator("GREATER_THAN")
                        .threshold(percent)
                        .thresholdType("PERCENTAGE")
                        .build())
                .subscribers(subscribers)
                .build();
    }
}
