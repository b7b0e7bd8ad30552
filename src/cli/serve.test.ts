import { describe, expect, it } from "vitest";
import { listenUrl } from "./serve.js";

describe("listenUrl", () => {
  it("brackets an IPv6 address, which `serve --host ::1` had printed as http://::1:8080", () => {
    expect(listenUrl("::1", 8080)).toBe("http://[::1]:8080");
    expect(listenUrl("127.0.0.1", 8080)).toBe("http://127.0.0.1:8080");
    expect(listenUrl("localhost", 0)).toBe("http://localhost:0");
    expect(new URL(listenUrl("fe80::1", 9)).port).toBe("9");
  });
});
