#pragma once

#include "rung/store/postgres/connection.hpp"
#include "rung/store/rows.hpp"

// The shared row readers (store/rows.hpp), in this backend's namespace.
namespace rung::store::postgres {

using rows::all_rows;
using rows::guideline_json;
using rows::json_list;
using rows::k_api_token_columns;
using rows::one_row;
using rows::optional_int;
using rows::parse_list;
using rows::read_account;
using rows::read_api_token;
using rows::read_assessment;
using rows::read_calibration_decision;
using rows::read_calibration_session;
using rows::read_case;
using rows::read_cycle;
using rows::read_item;
using rows::read_person;
using rows::read_plan;
using rows::read_pre_vote;
using rows::read_rating;
using rows::sql;

}  // namespace rung::store::postgres
