-- Remote reception (issue 18, docs/appointments.md). Written once for MariaDB and H2 (MODE=MariaDB).

-- A phone appointment's call recorded as made: when and by whom (the professional's id). Set once; NULL until then.
ALTER TABLE appointment_booking ADD COLUMN phone_called_at DATETIME(6);
ALTER TABLE appointment_booking ADD COLUMN phone_called_by VARCHAR(36);

-- A chat appointment opened by the service at its time (ChatOpenings): set once, so it is opened only once.
ALTER TABLE appointment_booking ADD COLUMN opened_at DATETIME(6);
