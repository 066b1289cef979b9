// Attendance files: statuses, minutes that go only with late or left_early, marks given twice.
#include <catch2/catch.hpp>

#include "io/attendance_csv.hpp"
#include "problems.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::has_problem;
using mitra::io::testing::listed;

TEST_CASE("attendance rows are read with their statuses, minutes and notes", "[io][csv][attendance]") {
    const auto read = read_attendance_csv(
        "session,ref,status,minutes,note\n"
        "12,P001,present,,\n"
        "12,P002,late,75,bus was late\n"
        "12,P003,left_early,60,\n"
        "12,P004,E,,\"sick, called ahead\"\n"
        "12,P005,A,0,\n"
        "13,P001,P,,\n",
        "marks.csv");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    REQUIRE(read.value.size() == 6);
    CHECK(read.value[0].session_id == 12);
    CHECK(read.value[0].status == AttendanceStatus::present);
    CHECK_FALSE(read.value[0].minutes);
    CHECK(read.value[1].status == AttendanceStatus::late);
    CHECK(read.value[1].minutes == 75);
    CHECK(read.value[1].note == "bus was late");
    CHECK(read.value[2].status == AttendanceStatus::left_early);
    CHECK(read.value[3].status == AttendanceStatus::excused);
    CHECK(read.value[3].note == "sick, called ahead");
    CHECK(read.value[4].status == AttendanceStatus::absent);
    CHECK(read.value[5].line == 7);
}

TEST_CASE("the note column is optional and the columns may come in any order", "[io][csv][attendance]") {
    const auto read = read_attendance_csv("ref,minutes,status,session\nP001,30,late,4\n", "marks.csv");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    CHECK(read.value[0].ref == "P001");
    CHECK(read.value[0].session_id == 4);
    CHECK(read.value[0].minutes == 30);
}

TEST_CASE("every bad attendance row is located and the file is refused whole", "[io][csv][attendance]") {
    const auto read = read_attendance_csv(
        "session,ref,status,minutes\n"
        "0,P001,present,\n"         // 2: session not positive
        "x,P001,present,\n"         // 3: session not a number
        "5,,present,\n"             // 4: no ref
        "5,P002,sleeping,\n"        // 5: unknown status
        "5,P003,late,\n"            // 6: late without minutes
        "5,P004,left_early,1441\n"  // 7: more than a day
        "5,P005,present,90\n"       // 8: minutes with present
        "5,P006,absent,30\n"        // 9: minutes with absent
        "5,P007,present,\n"         // 10: good
        "5,P007,late,20\n"          // 11: marked twice
        "5,P008,late,-5\n",         // 12: negative minutes
        "marks.csv");
    INFO(listed(read.problems));
    CHECK(read.value.empty());
    CHECK(read.problems.size() == 10);
    CHECK(has_problem(read.problems, 2, 1, "not a session number"));
    CHECK(has_problem(read.problems, 3, 1, "'x' is not a session number"));
    CHECK(has_problem(read.problems, 4, 2, "is required"));
    CHECK(has_problem(read.problems, 5, 3, "'sleeping' is not an attendance status"));
    CHECK(has_problem(read.problems, 6, 4, "is required when the status is late"));
    CHECK(has_problem(read.problems, 7, 4, "from 0 to 1440"));
    CHECK(has_problem(read.problems, 8, 4, "minutes only go with late or left_early"));
    CHECK(has_problem(read.problems, 9, 4, "minutes only go with late or left_early"));
    CHECK(has_problem(read.problems, 11, 2, "session 5 is marked twice for P007, first on line 10"));
    CHECK(has_problem(read.problems, 12, 4, "'-5' is not a number of minutes"));
}

TEST_CASE("an attendance file without a minutes column is refused at its header", "[io][csv][attendance]") {
    const auto read = read_attendance_csv("session,ref,status,remark\n1,P1,present,x\n", "marks.csv");
    CHECK(read.value.empty());
    CHECK(has_problem(read.problems, 1, 4, "unknown column 'remark'"));
    CHECK(has_problem(read.problems, 1, 0, "no 'minutes' column"));
}
