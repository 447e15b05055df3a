package io.candor.demo;

import io.candor.scoring.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo tenants' scoring model: a scorecard trained through the registry on {@link DemoTrainingData} and
 * approved by the demo compliance officer, so the first plan orders human work by the model's expected value and
 * every account has a score with reason codes.
 */
@Component
class DemoModel {

    private static final Logger log = LoggerFactory.getLogger(DemoModel.class);
    static final String NAME = "demo-collection-score";

    private final ModelRegistry registry;

    DemoModel(ModelRegistry registry) {
        this.registry = registry;
    }

    /** In the tenant's context; nothing when the tenant has any model. */
    void seed(String slug) {
        if (!registry.all().isEmpty()) {
            return;
        }
        ModelRegistry.Version v = registry.train(NAME, DemoTrainingData.csv(5000, 20261129), "outcome", "unpaid",
                "supervisor");
        registry.approve(v.id(), "演示模型：合成数据训练，仅供演示 (demo model trained on synthetic history; not for "
                + "real decisions)", "compliance_officer");
        log.info("Demo tenant {}: scoring model {} v{} trained and approved", slug, v.name(), v.version());
    }
}
