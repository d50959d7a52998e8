/**
 * Attribute names the SDK writes. Copied here rather than imported from
 * `@opentelemetry/semantic-conventions/incubating`: the GenAI names are still
 * "Development" and the OTel docs advise pinning incubating names locally so a
 * package upgrade cannot silently rename what we emit.
 *
 * GenAI names follow semconv v1.37+ (gen_ai.provider.name, messages as JSON);
 * MCP names follow the MCP client and server spans of semantic-conventions-genai.
 * `hindsight.*` names are Hindsight's own, for what no convention covers yet.
 */

export const SDK_NAME = "hindsight";
export const SDK_VERSION = "0.1.0";

export const GEN_AI_OPERATION_NAME = "gen_ai.operation.name";
export const GEN_AI_PROVIDER_NAME = "gen_ai.provider.name";
export const GEN_AI_CONVERSATION_ID = "gen_ai.conversation.id";

export const GEN_AI_REQUEST_MODEL = "gen_ai.request.model";
export const GEN_AI_REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";
export const GEN_AI_REQUEST_TEMPERATURE = "gen_ai.request.temperature";
export const GEN_AI_REQUEST_TOP_P = "gen_ai.request.top_p";
export const GEN_AI_REQUEST_STREAM = "gen_ai.request.stream";
export const GEN_AI_RESPONSE_MODEL = "gen_ai.response.model";
export const GEN_AI_RESPONSE_ID = "gen_ai.response.id";
export const GEN_AI_RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";

export const GEN_AI_USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
export const GEN_AI_USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
export const GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens";
export const GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = "gen_ai.usage.cache_creation.input_tokens";
export const GEN_AI_USAGE_REASONING_OUTPUT_TOKENS = "gen_ai.usage.reasoning.output_tokens";

export const GEN_AI_INPUT_MESSAGES = "gen_ai.input.messages";
export const GEN_AI_OUTPUT_MESSAGES = "gen_ai.output.messages";
export const GEN_AI_SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";

export const GEN_AI_AGENT_NAME = "gen_ai.agent.name";
export const GEN_AI_AGENT_ID = "gen_ai.agent.id";
export const GEN_AI_AGENT_DESCRIPTION = "gen_ai.agent.description";
export const GEN_AI_AGENT_VERSION = "gen_ai.agent.version";

export const GEN_AI_TOOL_NAME = "gen_ai.tool.name";
export const GEN_AI_TOOL_TYPE = "gen_ai.tool.type";
export const GEN_AI_TOOL_DESCRIPTION = "gen_ai.tool.description";
export const GEN_AI_TOOL_CALL_ID = "gen_ai.tool.call.id";
export const GEN_AI_TOOL_CALL_ARGUMENTS = "gen_ai.tool.call.arguments";
export const GEN_AI_TOOL_CALL_RESULT = "gen_ai.tool.call.result";

export const ERROR_TYPE = "error.type";
export const SESSION_ID = "session.id";
export const USER_ID = "user.id";

export const MCP_METHOD_NAME = "mcp.method.name";
export const MCP_SESSION_ID = "mcp.session.id";
export const MCP_PROTOCOL_VERSION = "mcp.protocol.version";
/** Not in the MCP semconv (which has no server-name attribute); kept so dashboards can group by server. */
export const MCP_SERVER_NAME = "mcp.server.name";
export const JSONRPC_REQUEST_ID = "jsonrpc.request.id";
/** The JSON-RPC error code of a failed MCP request, as a string. */
export const RPC_RESPONSE_STATUS_CODE = "rpc.response.status_code";
export const SERVER_ADDRESS = "server.address";
export const SERVER_PORT = "server.port";
export const NETWORK_TRANSPORT = "network.transport";

/** `read` or `write`: whether a tool call changes anything, for the tool-call audit. */
export const HINDSIGHT_TOOL_EFFECT = "hindsight.tool.effect";

export const HINDSIGHT_APPROVAL_ACTION = "hindsight.approval.action";
export const HINDSIGHT_APPROVAL_DECISION = "hindsight.approval.decision";
export const HINDSIGHT_APPROVAL_APPROVER = "hindsight.approval.approver";
export const HINDSIGHT_APPROVAL_POLICY = "hindsight.approval.policy";

/** Generic span input and output (OpenInference names, which Hindsight reads for any span kind). */
export const INPUT_VALUE = "input.value";
export const INPUT_MIME_TYPE = "input.mime_type";
export const OUTPUT_VALUE = "output.value";
export const OUTPUT_MIME_TYPE = "output.mime_type";

export const OPERATION_CHAT = "chat";
export const OPERATION_INVOKE_AGENT = "invoke_agent";
export const OPERATION_EXECUTE_TOOL = "execute_tool";
export const MCP_METHOD_TOOLS_CALL = "tools/call";

/** On the root span of each experiment run (runExperiment). */
export const HINDSIGHT_EXPERIMENT_ID = "hindsight.experiment.id";
export const HINDSIGHT_EXPERIMENT_NAME = "hindsight.experiment.name";
export const HINDSIGHT_DATASET_ID = "hindsight.dataset.id";
export const HINDSIGHT_DATASET_ITEM_ID = "hindsight.dataset.item.id";

/** OTel GenAI evaluation results: an event on the evaluated span. */
export const GEN_AI_EVALUATION_RESULT = "gen_ai.evaluation.result";
export const GEN_AI_EVALUATION_NAME = "gen_ai.evaluation.name";
export const GEN_AI_EVALUATION_SCORE_VALUE = "gen_ai.evaluation.score.value";
export const GEN_AI_EVALUATION_SCORE_LABEL = "gen_ai.evaluation.score.label";
export const GEN_AI_EVALUATION_EXPLANATION = "gen_ai.evaluation.explanation";
