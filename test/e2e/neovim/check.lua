-- Neovim as a drafter's editor: its built-in LSP client (vim.lsp.start_client, Neovim 0.7)
-- talks to `dgs-language-server --stdio`, with nothing of this project's own in between.
--
-- Run by test/e2e/editors/neovim.test.ts as
--   nvim --headless --clean -u NONE -c 'luafile test/e2e/neovim/check.lua'
-- with DGS_ROOT (the project), DGS_FILE (a strategy to open, a scratch copy: it gets edited)
-- and DGS_RESULT (where to write what Neovim saw, as JSON). The script observes; the test
-- asserts. Every wait is a vim.wait on a condition that a server message makes true.
local root = assert(os.getenv('DGS_ROOT'), 'DGS_ROOT')
local file = assert(os.getenv('DGS_FILE'), 'DGS_FILE')
local result_file = assert(os.getenv('DGS_RESULT'), 'DGS_RESULT')
local timeout = tonumber(os.getenv('DGS_TIMEOUT_MS') or '30000')

local result = { steps = {} }
local function step(name) table.insert(result.steps, name) end

local function write_result()
  local handle = assert(io.open(result_file, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
end

-- The last diagnostics the server published for each URI, as the protocol sent them.
local published = {}
local publications = 0

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local client_id = vim.lsp.start_client({
    name = 'dgs',
    cmd = { 'node', root .. '/bin/dgs-language-server.js', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        published[params.uri] = params.diagnostics
        publications = publications + 1
        -- Neovim's own handler: what puts the signs and underlines in the buffer.
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned no client')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach the client to the buffer')
  local client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(timeout, function() return client.initialized end, 20), 'the server did not initialize')
  result.server = client.server_capabilities and client.server_capabilities.hoverProvider and 'hover' or 'no hover'
  step('initialized')

  -- 1. Diagnostics appear.
  assert(vim.wait(timeout, function() return published[uri] ~= nil and #published[uri] > 0 end, 20), 'no diagnostics were published')
  result.initial = { protocol = published[uri], shown = vim.diagnostic.get(bufnr) }
  step('diagnostics')

  -- 2. Hover on a clause reference: the `1.i` of the line that also names the unknown 1.iv.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local target
  for index, line in ipairs(lines) do
    local column = line:find('addresses: [1.i, 1.iv]', 1, true)
    if column then target = { line = index - 1, column = column - 1 + #'addresses: [' } break end
  end
  assert(target, 'the strategy has no line "addresses: [1.i, 1.iv]"')
  local params = {
    textDocument = { uri = uri },
    position = { line = target.line, character = target.column + 1 },
  }
  local response = client.request_sync('textDocument/hover', params, timeout, bufnr)
  assert(response and not response.err, 'hover failed: ' .. vim.inspect(response))
  -- What Neovim's hover window shows, line by line (nothing when the server has no hover there).
  local contents = response.result and response.result.contents
  result.hover = { shown = contents and vim.lsp.util.convert_input_to_markdown_lines(contents) or {} }
  step('hover')

  -- 3. The drafter corrects 1.iv to 1.iii: the findings follow the edit.
  local before = publications
  local line = lines[target.line + 1]
  local fixed = line:gsub('1%.iv%]', '1.iii]', 1)
  vim.api.nvim_buf_set_lines(bufnr, target.line, target.line + 1, false, { fixed })
  assert(vim.wait(timeout, function()
    if publications == before then return false end
    for _, diagnostic in ipairs(published[uri]) do
      if diagnostic.code == 'unknown-clause' then return false end
    end
    return true
  end, 20), 'the findings did not follow the edit')
  result.edited = {
    text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n',
    protocol = published[uri],
    shown = vim.diagnostic.get(bufnr),
  }
  step('edit')

  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 20)
  step('stopped')
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
write_result()
vim.cmd(ok and 'qall!' or 'cquit! 1')
