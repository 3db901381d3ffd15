#include "api.h"
namespace server { void InstallAdminPage(httplib::Server&) {} }
