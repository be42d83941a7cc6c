/*
 * Material uploads on the application's page, streamed from the browser straight to the REST API
 * (PUT …/materials/{code}, multipart with the part "file"), which passes them on to the object
 * store as they arrive. Going through Faces instead buffered the whole request to temporary files
 * first, and its progress bar only showed how fast the browser handed the file over.
 *
 * Each row's <div class="stream-upload"> carries what the script needs: data-url, data-material,
 * data-max-bytes, data-allow (a regular expression of accepted names or types, may be empty) and
 * the texts in the page's language (data-text-*). The page's session cookie authenticates the
 * request; the browser adds the Origin header, which the portal requires of a session's PUT (CSRF).
 * When the server has stored the file, the p:remoteCommand materialUploaded re-renders the table
 * and says what was stored. Boxes are wired on load and after every Ajax update (data-ready then).
 * That re-render replaces every row, so while other rows are still uploading it waits: the
 * finished rows say so, and the table is re-rendered once the last upload has ended (a running
 * upload's bar would otherwise vanish mid-way, though its request went on).
 */
(function () {
  var running = 0;
  var finished = []; // materials stored while others were still running

  function started() {
    running++;
  }

  // One upload has ended (stored: its material; failed: null). The last one out re-renders.
  function ended(material) {
    running--;
    if (material) {
      finished.push(material);
    }
    if (running > 0 || finished.length === 0) {
      return;
    }
    var done = finished;
    finished = [];
    if (typeof window.materialUploaded !== 'function') {
      window.location.reload();
      return;
    }
    // PrimeFaces queues the requests: one "已上传…" message per stored material.
    done.forEach(function (m) {
      window.materialUploaded([{name: 'material', value: m}]);
    });
  }

  function wire(box) {
    var input = box.querySelector('input[type=file]');
    var progress = box.querySelector('progress');
    var status = box.querySelector('.stream-upload-status');
    var busy = false;

    // role=alert for a failure (announced at once), role=status for the progress (politely).
    function say(text, failed) {
      status.setAttribute('role', failed ? 'alert' : 'status');
      status.classList.toggle('stream-upload-error', !!failed);
      status.textContent = text;
    }

    function fail(text) {
      if (busy) {
        ended(null);
      }
      busy = false;
      box.removeAttribute('aria-busy');
      progress.hidden = true;
      say(text, true);
    }

    // Said before a byte is sent: the limits are the same the server applies.
    function refusal(file) {
      var max = Number(box.dataset.maxBytes);
      if (max > 0 && file.size > max) {
        return box.dataset.textTooLarge;
      }
      var allow = box.dataset.allow ? new RegExp(box.dataset.allow, 'i') : null;
      if (allow && !allow.test(file.name) && !allow.test(file.type)) {
        return box.dataset.textWrongType;
      }
      return null;
    }

    function send(file) {
      if (!file) {
        return;
      }
      if (busy) { // one material, one file at a time: the running upload goes on
        status.setAttribute('role', 'alert');
        status.textContent = box.dataset.textBusy;
        return;
      }
      var refused = refusal(file);
      if (refused) {
        fail(refused);
        return;
      }
      busy = true;
      started();
      box.setAttribute('aria-busy', 'true');
      progress.hidden = false;
      progress.value = 0;
      say(box.dataset.textUploading + ' 0%');
      var body = new FormData();
      body.append('file', file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open('PUT', box.dataset.url);
      xhr.setRequestHeader('Accept', 'application/json');
      // The file's size: the portal refuses one too large at once, and hands the bytes on to
      // the object store as they arrive instead of after the whole file.
      xhr.setRequestHeader('Upload-Length', String(file.size));
      var said = 0;
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          var percent = Math.floor(e.loaded * 100 / e.total);
          progress.value = percent;
          // The bar moves with every event; the announced text only every 10 %, not to flood
          // a screen reader's queue.
          if (percent >= said + 10) {
            said = percent - percent % 10;
            say(box.dataset.textUploading + ' ' + said + '%');
          }
        }
      };
      // All sent; the server still stores and checks it: an indeterminate bar meanwhile.
      xhr.upload.onload = function () {
        progress.removeAttribute('value');
        say(box.dataset.textChecking);
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          busy = false;
          progress.value = 100;
          if (running > 1) {
            say(box.dataset.textWaiting);
          }
          ended(box.dataset.material);
          return;
        }
        if (xhr.status === 401) {
          fail(box.dataset.textLogin);
          return;
        }
        var message = null;
        try {
          message = JSON.parse(xhr.responseText).message; // API.md: {error, message}, in Chinese
        } catch (notJson) {
          // a proxy's or container's page: the general text
        }
        fail(message || box.dataset.textFailed);
      };
      // The connection broke (also how a body refused early by the server may end).
      xhr.onerror = function () {
        fail(box.dataset.textFailed);
      };
      xhr.send(body);
    }

    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.value = ''; // choosing the same file again is a new upload
      send(file);
    });
    box.addEventListener('dragover', function (e) {
      e.preventDefault();
      box.classList.add('stream-upload-drag');
    });
    box.addEventListener('dragleave', function () {
      box.classList.remove('stream-upload-drag');
    });
    box.addEventListener('drop', function (e) {
      e.preventDefault();
      box.classList.remove('stream-upload-drag');
      send(e.dataTransfer && e.dataTransfer.files[0]); // one material, one file
    });
    box.setAttribute('data-ready', 'true');
  }

  function wireAll() {
    document.querySelectorAll('.stream-upload:not([data-ready])').forEach(wire);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wireAll);
  } else {
    wireAll();
  }
  // An Ajax update re-renders the table, and with it the boxes.
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', wireAll);
  }
})();
