// Migration 7: each person's look-alike keys (name skeletons) beside their names, computed by core.
#include "store/migrations.hpp"
#include "store/name_skeletons.hpp"

namespace mitra::store {

Migration name_skeleton_migration() {
    // Two columns, not one: a look-alike is found by equality on either (an index each), and a person's full
    // name may look like another's Latin name (山田 花子's "Yamada Hanako" typed as someone's full name).
    // NULL means not computed yet; '' is an empty name (no Latin name, or erased).
    Migration m{"look-alike names: a skeleton of each person's names",
                {
                    "ALTER TABLE participants ADD COLUMN name_skeleton TEXT",
                    "ALTER TABLE participants ADD COLUMN latin_skeleton TEXT",
                    "CREATE INDEX participants_name_skeleton ON participants (name_skeleton)",
                    "CREATE INDEX participants_latin_skeleton ON participants (latin_skeleton)",
                }};
    // SQL cannot compute a UTS #39 skeleton: the rows there already are filled in C++, in the same transaction.
    m.after = fill_name_skeletons;
    return m;
}

}  // namespace mitra::store
