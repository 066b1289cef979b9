// Read-only views for the desktop program.
#include "store/app_views.hpp"
