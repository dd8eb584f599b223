;;; check.el --- Emacs and Eglot as a drafter's editor  -*- lexical-binding: t; -*-

;; Emacs 28 with Debian's elpa-eglot talks to `dgs-language-server --stdio'.
;;
;; Run by test/e2e/editors/emacs.test.ts as
;;   emacs --batch -Q -l test/e2e/emacs/check.el
;; with DGS_ROOT (the project), DGS_FILE (a scratch copy of a strategy: it gets edited) and
;; DGS_RESULT (where to write what Emacs saw, as JSON).  The script observes; the test
;; asserts.  Every wait is `accept-process-output' until a server message makes it true.

;;; Code:

(require 'package)
;; Debian's elpa-* packages live in the system package folder, which -Q leaves out.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'json)
(require 'cl-lib)

(define-derived-mode dgs-strategy-mode prog-mode "DGS"
  "A strategy file, for Eglot to manage.")

(defvar dgs-root (or (getenv "DGS_ROOT") (error "DGS_ROOT")))
(defvar dgs-file (or (getenv "DGS_FILE") (error "DGS_FILE")))
(defvar dgs-result-file (or (getenv "DGS_RESULT") (error "DGS_RESULT")))
(defvar dgs-timeout (/ (string-to-number (or (getenv "DGS_TIMEOUT_MS") "30000")) 1000.0))

(defvar dgs-published nil "The diagnostics last published for the file, as the protocol sent them.")
(defvar dgs-publications 0)
(defvar dgs-result nil)

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (string-suffix-p (file-name-nondirectory dgs-file) uri)
    (setq dgs-published diagnostics
          dgs-publications (1+ dgs-publications))))

(defun dgs-wait (predicate what)
  "Process server output until PREDICATE holds; fail after `dgs-timeout' seconds, naming WHAT."
  (let ((deadline (+ (float-time) dgs-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall predicate) (error "Timed out waiting for %s" what))))

(defun dgs-record (key value)
  (setq dgs-result (append dgs-result (list key value))))

(defun dgs-shown ()
  "The diagnostics Flymake shows in the buffer: line (0-based), column, type, text."
  (vconcat
   (mapcar (lambda (diagnostic)
             (let ((begin (flymake-diagnostic-beg diagnostic)))
               (list :line (1- (line-number-at-pos begin))
                     :column (save-excursion (goto-char begin) (current-column))
                     :type (symbol-name (flymake-diagnostic-type diagnostic))
                     :text (flymake-diagnostic-text diagnostic))))
           (flymake-diagnostics))))

(defun dgs-codes ()
  (mapcar (lambda (d) (plist-get d :code)) dgs-published))

(defun dgs-run ()
  (find-file dgs-file)
  (dgs-strategy-mode)
  (let* ((server-program (list "node" (expand-file-name "bin/dgs-language-server.js" dgs-root) "--stdio"))
         (project (cons 'transient (file-name-directory dgs-file)))
         (server (eglot '(dgs-strategy-mode) project 'eglot-lsp-server server-program "dgs-strategy")))
    (dgs-wait (lambda () (eglot-managed-p)) "Eglot to manage the buffer")
    (dgs-record :steps ["managed"])

    ;; 1. Diagnostics appear, and Flymake shows them.
    (dgs-wait (lambda () (> (length dgs-published) 0)) "published diagnostics")
    (flymake-start)
    (dgs-wait (lambda () (> (length (flymake-diagnostics)) 0)) "Flymake to show the diagnostics")
    (dgs-record :initial (list :protocol (vconcat dgs-published) :shown (dgs-shown)))

    ;; 2. Hover (Eldoc's text) on the clause 1.i of the line that also names the unknown 1.iv.
    (goto-char (point-min))
    (search-forward "addresses: [1.i, 1.iv]")
    (goto-char (match-beginning 0))
    (forward-char (+ (length "addresses: [") 1))
    (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
      ;; What Eldoc shows (nothing when the server has no hover there).
      (dgs-record :hover (list :shown (if hover (eglot--hover-info (plist-get hover :contents)) ""))))

    ;; 3. The drafter corrects 1.iv to 1.iii: the findings follow the edit.
    (let ((before dgs-publications))
      (goto-char (point-min))
      (search-forward "addresses: [1.i, 1.iv]")
      (replace-match "addresses: [1.i, 1.iii]" t t)
      (eglot--signal-textDocument/didChange)
      (dgs-wait (lambda () (and (> dgs-publications before) (not (member "unknown-clause" (dgs-codes)))))
                "the findings to follow the edit")
      (flymake-start)
      (dgs-wait (lambda () (not (cl-some (lambda (d) (string-match-p "unknown-clause" (flymake-diagnostic-text d)))
                                         (flymake-diagnostics))))
                "Flymake to drop the unknown clause")
      (dgs-record :edited (list :text (buffer-substring-no-properties (point-min) (point-max))
                                :protocol (vconcat dgs-published)
                                :shown (dgs-shown))))
    (set-buffer-modified-p nil)
    (eglot-shutdown server)))

(let ((ok (condition-case err (progn (dgs-run) t)
            (error (dgs-record :error (error-message-string err)) nil))))
  (with-temp-file dgs-result-file
    (insert (let ((json-encoding-pretty-print nil)) (json-encode dgs-result))))
  (kill-emacs (if ok 0 1)))

;;; check.el ends here
