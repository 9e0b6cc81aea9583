//! Import of CRM and ERP exports (CSV and workbooks) into a [`crate::core::model::Dataset`].
