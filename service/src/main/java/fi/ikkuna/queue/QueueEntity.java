package fi.ikkuna.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A professional queue as stored; its content comes from triage-rules/queues.yaml and is synced at load. */
@Entity
@Table(name = "service_queue")
public class QueueEntity {
    @Id
    private String id;
    @Column(name = "name_fi")
    private String nameFi;
    @Column(name = "name_sv")
    private String nameSv;
    @Column(name = "name_en")
    private String nameEn;
    private String service;

    protected QueueEntity() {
    }

    public QueueEntity(String id, String nameFi, String nameSv, String nameEn, String service) {
        this.id = id;
        set(nameFi, nameSv, nameEn, service);
    }

    public void update(String nameFi, String nameSv, String nameEn, String service) {
        set(nameFi, nameSv, nameEn, service);
    }

    // Private, so the constructor calls nothing a subclass (EclipseLink's weaving) could override: no 'this' escape.
    private void set(String nameFi, String nameSv, String nameEn, String service) {
        this.nameFi = nameFi;
        this.nameSv = nameSv;
        this.nameEn = nameEn;
        this.service = service;
    }

    public String id() { return id; }
    public String service() { return service; }

    public String name(String lang) {
        return switch (lang) {
            case "sv" -> nameSv;
            case "en" -> nameEn;
            default -> nameFi;
        };
    }
}
