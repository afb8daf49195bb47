// The other half of the data-layer paths under fuzzing (tests/security/fuzz-suite.ts).
import { describeDataLayerFuzz } from "./fuzz-suite";

describeDataLayerFuzz(1, 2);
