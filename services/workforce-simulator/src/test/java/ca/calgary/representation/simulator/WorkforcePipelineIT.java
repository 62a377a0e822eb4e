package ca.calgary.representation.simulator;

import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The simulated workforce through the whole pipeline on the local platform (a real Kafka broker, Apicurio). */
@ExtendWith(LocalPlatformExtension.class)
class WorkforcePipelineIT {

    @Test
    void aSimulatedWorkforceFlowsThroughThePipeline() throws Exception {
        LocalPlatform platform = LocalPlatformExtension.platform();
        try (Pipeline pipeline = Pipeline.start(platform.bootstrapServers(), platform.registryUrl(), "simulated")) {
            WorkforcePipelineScenario.run(pipeline);
        }
    }
}
