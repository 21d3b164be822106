/**
 * A learner's first calls, as a web or mobile app makes them.
 *
 * Logging in: the app signs the person in with the suite's OpenID Connect provider (authorization code flow
 * with PKCE, through the OIDC library of your platform) and hands the access token to the client; `token` may
 * be a function, asked before every request, so a refreshed token is always the one sent. On the local stack
 * a token comes from `deploy/suite token --subject learner-001 --role LEARNER`.
 *
 * Run against the local stack after `deploy/suite seed`:
 *   npm run build
 *   TOKEN=$(../../deploy/suite token --subject learner-001 --role LEARNER) node dist/examples/learner-tour.js
 */
import { createSuiteClient, type Problem } from "../src/index.js";

const suite = createSuiteClient({
  baseUrl: process.env.GATEWAY_URL ?? "http://localhost:8080",
  token: () => process.env.TOKEN,
});

function explain(problem: Problem | undefined): string {
  if (!problem) return "no answer";
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
  return `${problem.status} ${problem.title}: ${problem.detail ?? ""}${fields ? ` (${fields})` : ""}`;
}

const me = await suite.directory.GET("/me");
if (me.error) throw new Error(`who am I: ${explain(me.error as Problem)}`);
console.log(`Signed in as ${me.data.name} <${me.data.email}>`);

const catalog = await suite.catalog.GET("/me/catalog", { params: { query: { q: "safety", size: 5 } } });
if (catalog.error) throw new Error(`catalog: ${explain(catalog.error as Problem)}`);
for (const program of catalog.data.items ?? []) {
  console.log(`  ${program.title} [${program.type}, ${program.delivery}] ${program.passBadge ?? ""}`);
}

const passes = await suite.trainingPasses.GET("/me/passes");
if (passes.error) throw new Error(`passes: ${explain(passes.error as Problem)}`);
for (const pass of passes.data.items ?? []) {
  console.log(`Pass ${pass.passTypeName} (${pass.optionName}): ${pass.status} until ${pass.expiresOn}`);
}

const plans = await suite.learningPlans.GET("/me/learning-plans");
if (plans.error) throw new Error(`plans: ${explain(plans.error as Problem)}`);
for (const plan of plans.data) {
  const met = plan.milestones?.filter((m) => m.met).length ?? 0;
  console.log(`Plan ${plan.planName}: ${met}/${plan.milestones?.length ?? 0} milestones met, due ${plan.dueDate ?? "-"}`);
}

// A careless request: the problem names the field.
const refused = await suite.catalog.POST("/me/enrollments/access-now", {
  body: { programId: "not-a-uuid" as unknown as string },
});
console.log(`Access Now with a bad id: ${explain(refused.error as Problem)}`);
