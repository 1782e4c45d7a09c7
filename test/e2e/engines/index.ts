// The three engines by name (E2E_ENGINES=chromium,firefox limits a run to some of them).
import type { EngineDriver, EngineName } from "./driver";
import { launchChromium } from "./chromium";
import { launchFirefox } from "./firefox";
import { launchWebKit } from "./webkit";

export const ENGINES: EngineName[] = ((process.env.E2E_ENGINES ?? "chromium,firefox,webkit").split(",") as EngineName[]).filter((e) =>
  ["chromium", "firefox", "webkit"].includes(e),
);

export function launch(engine: EngineName): Promise<EngineDriver> {
  return engine === "chromium" ? launchChromium() : engine === "firefox" ? launchFirefox() : launchWebKit();
}
