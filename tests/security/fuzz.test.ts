// The schemas and half of the data-layer paths under fuzzing (tests/security/fuzz-suite.ts); the
// other half runs in fuzz-data.test.ts, on the other core.
import { describeDataLayerFuzz, describeSchemaFuzz } from "./fuzz-suite";

describeSchemaFuzz();
describeDataLayerFuzz(0, 2);
