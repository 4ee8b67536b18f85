#!/usr/bin/python3
"""A minimal WebKitGTK browser for WebKitWebDriver, keeping its website data on disk.

MiniBrowser in automation mode always uses an ephemeral website-data manager (memory only, like a
Safari private window): IndexedDB refuses Blobs there and nothing survives a killed browser, so the
crash drill could not look for the note. This browser does what MiniBrowser does in `--automation`
mode (automation allowed; every web view the session asks for is controlled by automation) but with
a persistent data directory, given as the first argument. WebKitWebDriver starts it as the
`webkitgtk:browserOptions` binary and connects through WEBKIT_INSPECTOR_SERVER, as for MiniBrowser.

Needs Debian's python3-gi and gir1.2-webkit2-4.1 (the API of the installed webkit2gtk-driver).
"""
import os
import sys

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import Gtk, WebKit2  # noqa: E402

data_dir = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith('-') else None
if data_dir is None:
    sys.exit('usage: webkitPersistentBrowser.py DATA_DIR')

manager = WebKit2.WebsiteDataManager(
    base_data_directory=os.path.join(data_dir, 'data'),
    base_cache_directory=os.path.join(data_dir, 'cache'),
)
context = WebKit2.WebContext.new_with_website_data_manager(manager)
context.set_automation_allowed(True)
windows = []


def on_window_destroyed(window):
    # The last window closed (the session ended): the browser goes, as MiniBrowser does.
    if window in windows:
        windows.remove(window)
    if not windows:
        Gtk.main_quit()


def on_permission_request(_view, request):
    if isinstance(request, WebKit2.UserMediaPermissionRequest):
        request.allow()
        return True
    return False


def new_view():
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    settings = view.get_settings()
    settings.set_enable_developer_extras(True)
    # A microphone for the recorder: WebKit's mock capture device (as MiniBrowser's
    # --enable-mock-capture-devices), and the permission prompt answered yes.
    settings.set_enable_media_stream(True)
    settings.set_enable_mock_capture_devices(True)
    view.connect('permission-request', on_permission_request)
    window = Gtk.Window()
    window.set_default_size(1280, 800)
    window.add(view)
    window.connect('destroy', on_window_destroyed)
    view.connect('close', lambda v: window.destroy())
    windows.append(window)
    window.show_all()
    return view


def on_automation_started(_context, session):
    info = WebKit2.ApplicationInfo.new()
    info.set_name('mmdma-webkit-persistent')
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(info)
    session.connect('create-web-view', lambda _session: new_view())


context.connect('automation-started', on_automation_started)
Gtk.main()
