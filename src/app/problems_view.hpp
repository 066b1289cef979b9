// Every problem with an input file in a list: line, column, field, message. Also as a dialog.
#pragma once
#include <wx/listctrl.h>

#include "core/problem.hpp"

namespace mitra::app {

class ProblemsView : public wxListView {
public:
    explicit ProblemsView(wxWindow* parent);
    void show(const Problems& problems);
};

// A modal window listing the problems, after `lead` (one sentence).
void show_problems(wxWindow* parent, const wxString& lead, const Problems& problems);

}  // namespace mitra::app
